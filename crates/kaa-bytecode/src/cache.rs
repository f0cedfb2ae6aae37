//! Reading and writing `__pycache__` files: what CPython 3.11's
//! `importlib._bootstrap_external` does in `SourceLoader.get_code`,
//! `SourcelessFileLoader.get_code`, `set_data` and `_write_atomic`, with
//! kaa's header ([`crate::pyc`]), marshal and verifier. Plain file-system
//! functions: no interpreter is involved.
//!
//! One deliberate difference: with a source beside it, CPython raises when
//! a pyc's header is valid but its marshal data is not (ValueError/
//! EOFError from `marshal.loads`); kaa treats every bad cache with a source
//! as a miss and recompiles (DESIGN.md, "The .pyc cache").

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::code::CodeObject;
use crate::constant::Constant;
use crate::marshal::{self, MarshalError};
use crate::pyc::{self, PycError, Validation};
use crate::pystr::PyStr;
use crate::verify::{verify, VerifyError};

/// `--check-hash-based-pycs` (`_imp.check_hash_based_pycs`): when the
/// source hash of a hash-based pyc is checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CheckHashBasedPycs {
    /// Check pycs whose `check_source` flag is set (CPython's default).
    #[default]
    Default,
    /// Check every hash-based pyc.
    Always,
    /// Trust every hash-based pyc.
    Never,
}

impl CheckHashBasedPycs {
    /// The mode named on the command line (`default`, `always`, `never`).
    pub fn from_name(name: &str) -> Option<CheckHashBasedPycs> {
        match name {
            "default" => Some(CheckHashBasedPycs::Default),
            "always" => Some(CheckHashBasedPycs::Always),
            "never" => Some(CheckHashBasedPycs::Never),
            _ => None,
        }
    }
}

/// What the importer knows about the source file beside a pyc.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceInfo {
    /// The source path (read when a hash must be checked; becomes
    /// `co_filename` of a hit, as `_imp._fix_co_filename`).
    pub path: PathBuf,
    /// `int(st_mtime)`.
    pub mtime: i64,
    /// `st_size`.
    pub size: u64,
    /// `--check-hash-based-pycs`.
    pub check_hash_based_pycs: CheckHashBasedPycs,
}

impl SourceInfo {
    /// Stats `path` (`path_stats`): mtime as `int(st_mtime)`, which
    /// CPython computes from the float `sec + nsec * 1e-9`.
    pub fn stat(path: &Path, check: CheckHashBasedPycs) -> io::Result<SourceInfo> {
        let meta = fs::metadata(path)?;
        Ok(SourceInfo {
            path: path.to_path_buf(),
            mtime: int_mtime(&meta),
            size: meta.len(),
            check_hash_based_pycs: check,
        })
    }
}

/// `int(os.stat(path).st_mtime)`.
#[cfg(unix)]
fn int_mtime(meta: &fs::Metadata) -> i64 {
    use std::os::unix::fs::MetadataExt;
    // CPython's fill_time: a double `sec + nsec * 1e-9`; int() truncates.
    (meta.mtime() as f64 + meta.mtime_nsec() as f64 * 1e-9) as i64
}

/// `int(os.stat(path).st_mtime)`.
#[cfg(not(unix))]
fn int_mtime(meta: &fs::Metadata) -> i64 {
    use std::time::UNIX_EPOCH;
    match meta.modified().map(|t| t.duration_since(UNIX_EPOCH)) {
        Ok(Ok(d)) => d.as_secs() as i64,
        Ok(Err(e)) => -(e.duration().as_secs_f64() as i64),
        Err(_) => 0,
    }
}

/// Why a cache file was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MissReason {
    /// The file could not be read (absent, unreadable).
    Unreadable(io::ErrorKind),
    /// The header is wrong: magic, length or flags.
    BadHeader(PycError),
    /// Timestamp-based and the source's mtime or size differs.
    Stale,
    /// Hash-based and the source hash differs.
    HashMismatch,
    /// The source could not be read to check the hash.
    SourceUnreadable(io::ErrorKind),
    /// The marshal data is bad.
    BadMarshal(MarshalError),
    /// The data is not a code object.
    NotCode,
    /// The code object failed the verifier.
    BadCode(VerifyError),
}

impl fmt::Display for MissReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MissReason::Unreadable(kind) => write!(f, "cannot read: {kind}"),
            MissReason::BadHeader(e) => write!(f, "{e}"),
            MissReason::Stale => f.write_str("bytecode is stale"),
            MissReason::HashMismatch => {
                f.write_str("hash in bytecode doesn't match hash of source")
            }
            MissReason::SourceUnreadable(kind) => write!(f, "cannot read the source: {kind}"),
            MissReason::BadMarshal(e) => write!(f, "{e}"),
            MissReason::NotCode => f.write_str("Non-code object"),
            MissReason::BadCode(e) => write!(f, "{e}"),
        }
    }
}

/// A sourceless pyc that cannot be used: the exception CPython's
/// `SourcelessFileLoader` raises (kaa's own for a code object the verifier
/// refuses).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheError {
    /// Reading the file failed (OSError).
    Io(io::ErrorKind, String),
    /// The header is wrong (ImportError or EOFError).
    Header(PycError),
    /// `marshal.loads` failed (its exception).
    Marshal(MarshalError),
    /// Not a code object: ImportError `Non-code object in 'path'`.
    NotCode(PathBuf),
    /// The verifier refused it: ImportError `bad code object ...`.
    BadCode(VerifyError),
}

impl CacheError {
    /// The Python exception type's name.
    pub fn exception(&self) -> &'static str {
        match self {
            CacheError::Io(..) => "OSError",
            CacheError::Header(PycError::Truncated) => "EOFError",
            CacheError::Header(_) | CacheError::NotCode(_) | CacheError::BadCode(_) => {
                "ImportError"
            }
            CacheError::Marshal(e) => e.kind,
        }
    }

    /// The exception's message, for module `name` (CPython's wording).
    pub fn message(&self, name: &str) -> String {
        match self {
            CacheError::Io(_, msg) => msg.clone(),
            CacheError::Header(e) => e.message(name),
            CacheError::Marshal(e) => e.message.clone(),
            CacheError::NotCode(path) => format!(
                "Non-code object in {}",
                kaa_repr::repr_str(&path.to_string_lossy())
            ),
            CacheError::BadCode(e) => e.to_string(),
        }
    }
}

impl fmt::Display for CacheError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CacheError::Header(e) => write!(f, "{}: {e}", self.exception()),
            _ => write!(f, "{}: {}", self.exception(), self.message("?")),
        }
    }
}

impl std::error::Error for CacheError {}

/// What [`read_cached`] found.
#[derive(Clone, Debug)]
pub enum CacheLookup {
    /// A valid, verified code object.
    Hit(CodeObject),
    /// No usable cache (only with a source): compile the source, then
    /// write a new pyc. `hash_based` is `Some(check_source)` when the old
    /// file's header said hash-based: CPython writes the new one
    /// hash-based too, with the same `check_source`.
    Miss {
        /// Why.
        reason: MissReason,
        /// The old header's hash-based flags, if it had them.
        hash_based: Option<bool>,
    },
    /// A sourceless pyc that cannot be used (never with a source).
    Error(CacheError),
}

/// Reads the pyc at `cache_path`, checks its header, validates it against
/// `source` (when there is one), unmarshals and verifies the code object.
/// With a source, every problem is a [`CacheLookup::Miss`]; without one
/// (a sourceless import), the header is checked but nothing is validated
/// (as CPython's `SourcelessFileLoader`), and a bad file is a
/// [`CacheLookup::Error`].
pub fn read_cached(cache_path: &Path, source: Option<&SourceInfo>) -> CacheLookup {
    let data = match fs::read(cache_path) {
        Ok(data) => data,
        Err(e) => {
            return match source {
                Some(_) => miss(MissReason::Unreadable(e.kind()), None),
                None => CacheLookup::Error(CacheError::Io(e.kind(), e.to_string())),
            }
        }
    };
    let (validation, body) = match pyc::read_header(&data) {
        Ok(ok) => ok,
        Err(e) => {
            return match source {
                Some(_) => miss(MissReason::BadHeader(e), None),
                None => CacheLookup::Error(CacheError::Header(e)),
            }
        }
    };
    let hash_based = match validation {
        Validation::Hash { check_source, .. } => Some(check_source),
        Validation::Timestamp { .. } => None,
    };
    let Some(source) = source else {
        return match load_code(body, cache_path) {
            Ok(code) => CacheLookup::Hit(code),
            Err(e) => CacheLookup::Error(e),
        };
    };
    if let Err(reason) = validate(&validation, source) {
        return miss(reason, hash_based);
    }
    match load_code(body, cache_path) {
        Ok(mut code) => {
            fix_filename(&mut code, &source.path);
            CacheLookup::Hit(code)
        }
        Err(e) => {
            let reason = match e {
                CacheError::Marshal(m) => MissReason::BadMarshal(m),
                CacheError::BadCode(v) => MissReason::BadCode(v),
                CacheError::Io(kind, _) => MissReason::Unreadable(kind),
                CacheError::Header(h) => MissReason::BadHeader(h),
                CacheError::NotCode(_) => MissReason::NotCode,
            };
            miss(reason, hash_based)
        }
    }
}

fn miss(reason: MissReason, hash_based: Option<bool>) -> CacheLookup {
    CacheLookup::Miss { reason, hash_based }
}

/// `_validate_timestamp_pyc` / `_validate_hash_pyc`, with
/// `check_hash_based_pycs` deciding whether a hash is checked.
fn validate(validation: &Validation, source: &SourceInfo) -> Result<(), MissReason> {
    match *validation {
        Validation::Timestamp { mtime, size } => {
            // `int(source_mtime) & 0xFFFFFFFF`, `source_size & 0xFFFFFFFF`.
            if mtime != source.mtime as u32 || size != source.size as u32 {
                return Err(MissReason::Stale);
            }
        }
        Validation::Hash { hash, check_source } => {
            let check = match source.check_hash_based_pycs {
                CheckHashBasedPycs::Never => false,
                CheckHashBasedPycs::Always => true,
                CheckHashBasedPycs::Default => check_source,
            };
            if check {
                let bytes =
                    fs::read(&source.path).map_err(|e| MissReason::SourceUnreadable(e.kind()))?;
                if pyc::source_hash(&bytes) != hash {
                    return Err(MissReason::HashMismatch);
                }
            }
        }
    }
    Ok(())
}

/// `_compile_bytecode` plus kaa's verifier.
fn load_code(body: &[u8], cache_path: &Path) -> Result<CodeObject, CacheError> {
    let value = marshal::loads(body).map_err(CacheError::Marshal)?;
    let Constant::Code(code) = &value else {
        return Err(CacheError::NotCode(cache_path.to_path_buf()));
    };
    verify(code).map_err(CacheError::BadCode)?;
    Ok((**code).clone())
}

/// `_imp._fix_co_filename`: when the cached `co_filename` is not the
/// source path, set it on the code object and on the code objects among
/// its constants, recursively (`update_code_filenames`), for those that
/// still have the old name.
fn fix_filename(code: &mut CodeObject, source: &Path) {
    let new = PyStr::new(&source.to_string_lossy());
    if code.filename == new {
        return;
    }
    let old = code.filename.clone();
    code.filename = new.clone();
    // Explicit stack of constant lists to rewrite (no recursion).
    let mut work: Vec<&mut Vec<Constant>> = vec![&mut code.consts];
    while let Some(consts) = work.pop() {
        for c in consts.iter_mut() {
            if let Constant::Code(inner) = c {
                if inner.filename == old {
                    let inner = Arc::make_mut(inner);
                    inner.filename = new.clone();
                    work.push(&mut inner.consts);
                }
            }
        }
    }
}

/// Mode bits for a pyc written for the source at `source` (`_calc_mode`):
/// the source's mode (0o666 if it cannot be read) with owner write added.
pub fn cache_mode(source: &Path) -> u32 {
    source_mode(source).unwrap_or(0o666) | 0o200
}

#[cfg(unix)]
fn source_mode(source: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(source).ok().map(|m| m.permissions().mode())
}

#[cfg(not(unix))]
fn source_mode(_source: &Path) -> Option<u32> {
    None
}

/// Writes `code` as a pyc at `cache_path` with mode 0o666 (before the
/// umask), as `set_data` does by default; see [`write_cached_with_mode`].
pub fn write_cached(
    cache_path: &Path,
    code: &CodeObject,
    validation: &Validation,
) -> io::Result<()> {
    write_cached_with_mode(cache_path, code, validation, 0o666)
}

/// Writes `code` as a pyc at `cache_path`: creates the missing parent
/// directories (`__pycache__`; mode 0o777 before the umask, as
/// `os.mkdir`), then writes atomically as `_write_atomic`: a new temporary
/// file `PATH.<unique>` in the same directory opened with
/// `mode & 0o666` (use [`cache_mode`] for CPython's `_calc_mode`), then a
/// rename over `cache_path`; on failure the temporary file is removed, so
/// no partial pyc is ever visible.
///
/// Errors (a read-only directory, a full disk...) are returned: the
/// importer ignores them (CPython's `set_data` only logs them with `-v`);
/// `py_compile` reports them.
pub fn write_cached_with_mode(
    cache_path: &Path,
    code: &CodeObject,
    validation: &Validation,
    mode: u32,
) -> io::Result<()> {
    let body = marshal::dumps_code(code)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    let data = pyc::write_pyc(validation, &body);
    write_atomic(cache_path, &data, mode)
}

/// Unique temporary-file suffixes within this process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// `set_data` + `_write_atomic` for raw pyc bytes.
pub fn write_atomic(path: &Path, data: &[u8], mode: u32) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        // Creates each missing level; another process creating one first
        // is fine (FileExistsError is ignored, as in set_data).
        fs::create_dir_all(parent)?;
    }
    let mut name = path.as_os_str().to_owned();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    name.push(format!(".{}.{n}", std::process::id()));
    let tmp = PathBuf::from(name);
    let result = write_new(&tmp, data, mode).and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Creates `path` exclusively (O_EXCL) with `mode & 0o666` and writes `data`.
fn write_new(path: &Path, data: &[u8], mode: u32) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode & 0o666);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options.open(path)?;
    file.write_all(data)?;
    file.flush()
}
