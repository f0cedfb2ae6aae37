//! For tests that run `kaa` on real files: a temporary directory, running
//! `kaa` in it on a cleared environment, and reading the results.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kaa_bytecode::cache::{CheckHashBasedPycs, SourceInfo};
use kaa_bytecode::pyc::Validation;

/// A temporary directory (its path is `.0`), removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// `<tmp>/kaa-<name>-<pid>`, emptied first.
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("kaa-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    /// Writes `text` to `rel` inside the directory (creating folders) and
    /// returns its path.
    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let path = self.0.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(&path, text).expect("write source");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs kaa in `dir` with `args` on a cleared environment (PATH and
/// LC_ALL kept), then `defaults`, then `env` (which overrides them).
pub fn run_kaa(
    dir: &Path,
    defaults: &[(&str, &str)],
    args: &[&str],
    env: &[(&str, &str)],
) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kaa"));
    cmd.args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LC_ALL", "C.UTF-8");
    for (name, value) in defaults.iter().chain(env) {
        cmd.env(name, value);
    }
    cmd.output().expect("run kaa")
}

/// A run's standard output as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The timestamp validation a pyc of the source at `path` must carry.
pub fn stat_validation(path: &Path) -> Validation {
    let info = SourceInfo::stat(path, CheckHashBasedPycs::Default).expect("stat");
    Validation::from_stat(info.mtime, info.size)
}
