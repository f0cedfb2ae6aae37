//! The `__pycache__` file operations, in temporary directories: round
//! trips, every kind of bad or stale cache (a miss with a source, an error
//! value without), hash-based pycs under each `--check-hash-based-pycs`
//! mode, unwritable directories, and concurrent writers.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use kaa_bytecode::cache::{
    cache_mode, read_cached, write_atomic, write_cached, write_cached_with_mode, CacheError,
    CacheLookup, CheckHashBasedPycs, MissReason, SourceInfo,
};
use kaa_bytecode::code::CodeObject;
use kaa_bytecode::marshal::{dumps_code, loads};
use kaa_bytecode::pyc::{cache_path, write_pyc, PycError, Validation, MAGIC_NUMBER};
use kaa_bytecode::{Constant, PyStr};

/// A fresh directory under the temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir =
            std::env::temp_dir().join(format!("kaa-cache-{tag}-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A module code object CPython compiled (a fixture), with its filename
/// set to `filename`.
fn fixture_code(filename: &Path) -> CodeObject {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/expected/closures.marshal");
    let data = fs::read(path).expect("fixture");
    let value = loads(&data).expect("loads");
    let Constant::Code(code) = &value else {
        panic!("not code")
    };
    let mut code = (**code).clone();
    rename(&mut code, &PyStr::new(&filename.to_string_lossy()));
    code
}

/// Sets `co_filename` of `code` and its nested code objects.
fn rename(code: &mut CodeObject, filename: &PyStr) {
    code.filename = filename.clone();
    for c in code.consts.iter_mut() {
        if let Constant::Code(inner) = c {
            rename(Arc::make_mut(inner), filename);
        }
    }
}

/// A source file and its cache path; the code object compiled for it.
fn setup(dir: &Path) -> (PathBuf, PathBuf, CodeObject) {
    let source = dir.join("mod.py");
    fs::write(&source, b"x = 1\n").expect("write source");
    let cache = cache_path(&source, "", None).expect("cache path");
    let code = fixture_code(&source);
    (source, cache, code)
}

fn info(source: &Path, check: CheckHashBasedPycs) -> SourceInfo {
    SourceInfo::stat(source, check).expect("stat")
}

fn timestamp(info: &SourceInfo) -> Validation {
    Validation::from_stat(info.mtime, info.size)
}

fn expect_hit(lookup: CacheLookup, want: &CodeObject) {
    match lookup {
        CacheLookup::Hit(code) => assert_eq!(&code, want),
        other => panic!("expected a hit, got {other:?}"),
    }
}

fn expect_miss(lookup: CacheLookup) -> (MissReason, Option<bool>) {
    match lookup {
        CacheLookup::Miss { reason, hash_based } => (reason, hash_based),
        other => panic!("expected a miss, got {other:?}"),
    }
}

#[test]
fn round_trip_and_stale_sources() {
    let dir = TempDir::new("roundtrip");
    let (source, cache, code) = setup(&dir.0);
    let src = info(&source, CheckHashBasedPycs::Default);
    write_cached(&cache, &code, &timestamp(&src)).expect("write");
    assert!(cache.ends_with("__pycache__/mod.kaa-311.pyc"));
    expect_hit(read_cached(&cache, Some(&src)), &code);
    // Sourceless: no validation at all.
    expect_hit(read_cached(&cache, None), &code);
    // A different mtime or size is stale.
    let mut other = src.clone();
    other.mtime += 1;
    assert_eq!(
        expect_miss(read_cached(&cache, Some(&other))).0,
        MissReason::Stale
    );
    let mut other = src.clone();
    other.size += 1;
    assert_eq!(
        expect_miss(read_cached(&cache, Some(&other))).0,
        MissReason::Stale
    );
    // Only the low 32 bits count, as CPython's `& 0xFFFFFFFF`.
    let mut other = src.clone();
    other.mtime += 1 << 32;
    other.size += 1 << 32;
    expect_hit(read_cached(&cache, Some(&other)), &code);
    // No file at all.
    let absent = dir.0.join("__pycache__/absent.kaa-311.pyc");
    assert!(matches!(
        expect_miss(read_cached(&absent, Some(&src))).0,
        MissReason::Unreadable(_)
    ));
    assert!(matches!(
        read_cached(&absent, None),
        CacheLookup::Error(CacheError::Io(..))
    ));
}

#[test]
fn co_filename_follows_the_source() {
    let dir = TempDir::new("filename");
    let (source, cache, _) = setup(&dir.0);
    let src = info(&source, CheckHashBasedPycs::Default);
    let old = fixture_code(Path::new("/elsewhere/mod.py"));
    write_cached(&cache, &old, &timestamp(&src)).expect("write");
    let CacheLookup::Hit(code) = read_cached(&cache, Some(&src)) else {
        panic!("expected a hit")
    };
    let want = PyStr::new(&source.to_string_lossy());
    assert_eq!(code.filename, want);
    for c in code.consts.iter() {
        if let Constant::Code(inner) = c {
            assert_eq!(inner.filename, want);
        }
    }
}

#[test]
fn bad_caches_are_misses_with_a_source() {
    let dir = TempDir::new("bad");
    let (source, cache, code) = setup(&dir.0);
    let src = info(&source, CheckHashBasedPycs::Default);
    write_cached(&cache, &code, &timestamp(&src)).expect("write");
    let good = fs::read(&cache).expect("read");

    // Wrong magic.
    let mut data = good.clone();
    data[0] ^= 0xff;
    fs::write(&cache, &data).expect("write");
    assert!(matches!(
        expect_miss(read_cached(&cache, Some(&src))).0,
        MissReason::BadHeader(PycError::BadMagic(_))
    ));
    // Bad flags.
    let mut data = good.clone();
    data[4] = 4;
    fs::write(&cache, &data).expect("write");
    assert_eq!(
        expect_miss(read_cached(&cache, Some(&src))).0,
        MissReason::BadHeader(PycError::InvalidFlags(4))
    );
    // Truncated: in the header, and in the marshal data.
    fs::write(&cache, &good[..10]).expect("write");
    assert_eq!(
        expect_miss(read_cached(&cache, Some(&src))).0,
        MissReason::BadHeader(PycError::Truncated)
    );
    for cut in [16, 17, 40, good.len() / 2, good.len() - 1] {
        fs::write(&cache, &good[..cut]).expect("write");
        assert!(
            matches!(
                expect_miss(read_cached(&cache, Some(&src))).0,
                MissReason::BadMarshal(_)
            ),
            "cut at {cut}"
        );
    }
    // Corrupt marshal data: an unknown type code.
    let mut data = good.clone();
    data[16] = b'?';
    fs::write(&cache, &data).expect("write");
    assert!(matches!(
        expect_miss(read_cached(&cache, Some(&src))).0,
        MissReason::BadMarshal(_)
    ));
    // Not a code object.
    let tuple = kaa_bytecode::marshal::dumps(&Constant::tuple(vec![])).expect("dumps");
    fs::write(&cache, write_pyc(&timestamp(&src), &tuple)).expect("write");
    assert_eq!(
        expect_miss(read_cached(&cache, Some(&src))).0,
        MissReason::NotCode
    );
    // A code object the verifier refuses.
    let mut bad = code.clone();
    bad.stacksize = 0;
    write_cached(&cache, &bad, &timestamp(&src)).expect("write");
    assert!(matches!(
        expect_miss(read_cached(&cache, Some(&src))).0,
        MissReason::BadCode(_)
    ));
}

/// What python3's `_classify_pyc` / `_compile_bytecode` raise for `data`
/// (module `mod`, path `path`), as "Type: message"; None without python3.
fn cpython_error(data: &[u8], path: &Path) -> Option<String> {
    let python = std::env::var("KAA_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let script = r#"
import sys
from importlib._bootstrap_external import _classify_pyc, _compile_bytecode
data = bytes.fromhex(sys.argv[1])
try:
    _classify_pyc(data, 'mod', {})
    _compile_bytecode(memoryview(data)[16:], name='mod', bytecode_path=sys.argv[2])
    print('OK')
except Exception as e:
    print(f'{type(e).__name__}: {e}')
"#;
    let hex: String = data.iter().map(|b| format!("{b:02x}")).collect();
    let out = Command::new(python)
        .args(["-c", script, &hex])
        .arg(path)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim_end().to_string())
}

#[test]
fn sourceless_bad_pycs_are_errors_with_cpythons_wording() {
    let dir = TempDir::new("sourceless");
    let (_, cache, code) = setup(&dir.0);
    write_cached(&cache, &code, &Validation::from_stat(0, 0)).expect("write");
    let good = fs::read(&cache).expect("read");
    // CPython's own magic number, so that python3 accepts the header where
    // kaa does (the rest of the bytes are the same).
    let cpython_magic = {
        let mut m = MAGIC_NUMBER;
        m[..2].copy_from_slice(&3495u16.to_le_bytes());
        m
    };
    let with_magic = |data: &[u8], magic: [u8; 4]| {
        let mut d = data.to_vec();
        d[..4].copy_from_slice(&magic);
        d
    };
    let none_marshal = {
        let mut d = good[..16].to_vec();
        d.extend_from_slice(b"N");
        d
    };
    let cases: Vec<Vec<u8>> = vec![
        b"abcd".to_vec(),
        b"ab".to_vec(),
        with_magic(&good, *b"\x00\x00\r\n"),
        good[..12].to_vec(),
        {
            let mut d = good.clone();
            d[4] = 6;
            d
        },
        good[..17].to_vec(),
        {
            let mut d = good.clone();
            d[16] = b'?';
            d
        },
        none_marshal,
    ];
    for data in cases {
        fs::write(&cache, &data).expect("write");
        let CacheLookup::Error(err) = read_cached(&cache, None) else {
            panic!("expected an error for {data:?}")
        };
        let got = format!("{}: {}", err.exception(), err.message("mod"));
        // python3 sees its own magic where kaa saw kaa's.
        let for_python = if data.get(..4) == Some(&MAGIC_NUMBER[..]) {
            with_magic(&data, cpython_magic)
        } else {
            data.clone()
        };
        match cpython_error(&for_python, &cache) {
            Some(want) => assert_eq!(got, want),
            None => eprintln!("python3 not found: {got}"),
        }
    }
    // The verifier's refusal is an ImportError naming the code object.
    let mut bad = code.clone();
    bad.stacksize = 0;
    write_cached(&cache, &bad, &Validation::from_stat(0, 0)).expect("write");
    let CacheLookup::Error(err) = read_cached(&cache, None) else {
        panic!("expected an error")
    };
    assert_eq!(err.exception(), "ImportError");
    assert!(err.message("mod").starts_with("bad code object '<module>'"));
}

#[test]
fn hash_based_pycs() {
    let dir = TempDir::new("hash");
    let (source, cache, code) = setup(&dir.0);
    let bytes = fs::read(&source).expect("source");
    for check_source in [true, false] {
        let validation = Validation::from_source(&bytes, check_source);
        write_cached(&cache, &code, &validation).expect("write");
        for mode in [
            CheckHashBasedPycs::Default,
            CheckHashBasedPycs::Always,
            CheckHashBasedPycs::Never,
        ] {
            // The timestamp does not matter for hash-based pycs.
            let mut src = info(&source, mode);
            src.mtime += 7;
            expect_hit(read_cached(&cache, Some(&src)), &code);
        }
    }
    // Change the source: a checked pyc misses (and asks to be rewritten
    // hash-based), an unchecked one is trusted unless mode is Always.
    fs::write(&source, b"x = 2\n").expect("write source");
    for (check_source, mode, hit) in [
        (true, CheckHashBasedPycs::Default, false),
        (true, CheckHashBasedPycs::Always, false),
        (true, CheckHashBasedPycs::Never, true),
        (false, CheckHashBasedPycs::Default, true),
        (false, CheckHashBasedPycs::Always, false),
        (false, CheckHashBasedPycs::Never, true),
    ] {
        write_cached(
            &cache,
            &code,
            &Validation::from_source(&bytes, check_source),
        )
        .expect("write");
        let lookup = read_cached(&cache, Some(&info(&source, mode)));
        if hit {
            expect_hit(lookup, &code);
        } else {
            assert_eq!(
                expect_miss(lookup),
                (MissReason::HashMismatch, Some(check_source)),
                "{check_source} {mode:?}"
            );
        }
    }
    assert_eq!(
        CheckHashBasedPycs::from_name("always"),
        Some(CheckHashBasedPycs::Always)
    );
    assert_eq!(CheckHashBasedPycs::from_name("sometimes"), None);
}

#[test]
fn unwritable_directories_fail_cleanly() {
    let dir = TempDir::new("readonly");
    let (source, _, code) = setup(&dir.0);
    // `__pycache__` cannot be created where a file has its name.
    fs::write(dir.0.join("__pycache__"), b"").expect("write");
    let cache = cache_path(&source, "", None).expect("path");
    assert!(write_cached(&cache, &code, &Validation::from_stat(0, 0)).is_err());
    assert!(!cache.exists());
    // A read-only directory (writable anyway when running as root).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.0.join("ro");
        fs::create_dir(&ro).expect("mkdir");
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).expect("chmod");
        let target = ro.join("__pycache__/m.kaa-311.pyc");
        let result = write_cached(&target, &code, &Validation::from_stat(0, 0));
        assert_eq!(result.is_ok(), target.exists());
        let leftovers = fs::read_dir(&ro).map_or(0, |d| d.count());
        assert!(result.is_ok() || leftovers == 0);
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
}

#[cfg(unix)]
#[test]
fn file_mode_follows_the_source() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("mode");
    let (source, cache, code) = setup(&dir.0);
    fs::set_permissions(&source, fs::Permissions::from_mode(0o444)).expect("chmod");
    let mode = cache_mode(&source);
    assert_eq!(mode & 0o777, 0o644);
    write_cached_with_mode(&cache, &code, &Validation::from_stat(0, 0), mode).expect("write");
    let got = fs::metadata(&cache).expect("stat").permissions().mode() & 0o777;
    // The umask may only take bits away.
    assert_eq!(got & !0o644, 0);
    assert_ne!(got & 0o200, 0);
    // No temporary files are left behind.
    let names: Vec<_> = fs::read_dir(cache.parent().expect("parent"))
        .expect("read dir")
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn concurrent_writers_never_tear_a_file() {
    let dir = TempDir::new("concurrent");
    let (_, cache, code) = setup(&dir.0);
    // Two different valid pycs (different sizes) written by many threads
    // while a reader checks that every read is one of them, whole.
    let a = write_pyc(
        &Validation::from_stat(1, 1),
        &dumps_code(&code).expect("dumps"),
    );
    let mut small = code.clone();
    small.consts.truncate(1);
    small.code = vec![100, 0, 83, 0];
    small.exceptiontable.clear();
    let b = write_pyc(
        &Validation::from_stat(2, 2),
        &dumps_code(&small).expect("dumps"),
    );
    let candidates = Arc::new([a, b]);
    let cache = Arc::new(cache);
    let writers: Vec<_> = (0..4)
        .map(|t| {
            let (cache, candidates) = (cache.clone(), candidates.clone());
            std::thread::spawn(move || {
                for i in 0..200 {
                    write_atomic(&cache, &candidates[(t + i) % 2], 0o644).expect("write");
                }
            })
        })
        .collect();
    let reader = {
        let (cache, candidates) = (cache.clone(), candidates.clone());
        std::thread::spawn(move || {
            let mut seen = 0;
            for _ in 0..2000 {
                if let Ok(data) = fs::read(&*cache) {
                    assert!(candidates.contains(&data), "torn read");
                    seen += 1;
                }
            }
            seen
        })
    };
    for w in writers {
        w.join().expect("writer");
    }
    assert!(reader.join().expect("reader") > 0);
    let names = fs::read_dir(cache.parent().expect("parent"))
        .expect("read dir")
        .count();
    assert_eq!(names, 1, "temporary files left behind");
}
