//! Parse throughput: reads Python files into memory, parses each one N times
//! in-process with `kaa_parser::parse_bytes` (exec mode; the tree is built
//! and dropped), and prints MB/s.
//!
//! Usage: `parse_bench [-n ROUNDS] [--list FILE] [PATH...]`
//!
//! Each PATH is a `.py` file or a directory searched recursively for `.py`
//! files; `--list FILE` names one file per line (what `bench/parse.py`
//! passes). The last line of output is machine-readable:
//! `result files=F bytes=B rounds=N best_s=S mean_s=S mb_per_s=X ok=K err=E`,
//! where `mb_per_s` is bytes / best round time (1 MB = 10^6 bytes).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use kaa_parser::{parse_bytes, Mode};

/// Command-line options.
struct Options {
    rounds: usize,
    paths: Vec<PathBuf>,
}

fn usage() -> ExitCode {
    eprintln!("usage: parse_bench [-n ROUNDS] [--list FILE] [PATH...]");
    ExitCode::from(2)
}

/// Parses the command line; `Err` carries a message for stderr.
fn options() -> Result<Options, String> {
    let mut rounds = 3;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-n" => {
                let n = args.next().ok_or("-n needs a number")?;
                rounds = n.parse().map_err(|_| format!("bad round count {n:?}"))?;
            }
            "--list" => {
                let list = args.next().ok_or("--list needs a file")?;
                let text = std::fs::read_to_string(&list).map_err(|e| format!("{list}: {e}"))?;
                paths.extend(text.lines().filter(|l| !l.is_empty()).map(PathBuf::from));
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if rounds == 0 {
        return Err("-n must be at least 1".to_string());
    }
    Ok(Options { rounds, paths })
}

/// `path` itself if it is a file, else every `.py` file below it, sorted.
fn expand(path: &Path, out: &mut Vec<PathBuf>) {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    let mut found = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "py") {
                found.push(p);
            }
        }
    }
    found.sort();
    out.extend(found);
}

fn main() -> ExitCode {
    let opts = match options() {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("parse_bench: {msg}");
            return usage();
        }
    };
    if opts.paths.is_empty() {
        return usage();
    }
    let mut files = Vec::new();
    for p in &opts.paths {
        expand(p, &mut files);
    }
    let mut sources = Vec::with_capacity(files.len());
    for f in &files {
        match std::fs::read(f) {
            Ok(bytes) => sources.push(bytes),
            Err(e) => {
                eprintln!("parse_bench: {}: {e}", f.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let total: usize = sources.iter().map(Vec::len).sum();

    let mut ok = 0;
    let mut err = 0;
    let mut times = Vec::with_capacity(opts.rounds);
    for round in 0..opts.rounds {
        let start = Instant::now();
        for (i, src) in sources.iter().enumerate() {
            let result = parse_bytes(src, Mode::Exec);
            if round == 0 {
                match &result {
                    Ok(_) => ok += 1,
                    Err(e) => {
                        err += 1;
                        eprintln!("parse_bench: {}: {e}", files[i].display());
                    }
                }
            }
            drop(result);
        }
        times.push(start.elapsed().as_secs_f64());
    }
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let mbps = total as f64 / best / 1e6;
    println!(
        "kaa parse: {} files, {:.1} MB, best of {} rounds {:.3}s: {:.1} MB/s",
        files.len(),
        total as f64 / 1e6,
        opts.rounds,
        best,
        mbps
    );
    println!(
        "result files={} bytes={total} rounds={} best_s={best:.6} mean_s={mean:.6} mb_per_s={mbps:.3} ok={ok} err={err}",
        files.len(),
        opts.rounds
    );
    ExitCode::SUCCESS
}
