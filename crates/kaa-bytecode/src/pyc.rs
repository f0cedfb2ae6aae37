//! The `.pyc` file header (PEP 552) and the `__pycache__` path mapping
//! (PEP 3147/488), as CPython 3.11's `importlib._bootstrap_external` does
//! them, with kaa's own magic number and cache tag `kaa-311`.
//!
//! A `.pyc` file is 16 header bytes followed by a marshalled code object:
//!
//! | bytes  | meaning                                                     |
//! |--------|-------------------------------------------------------------|
//! | 0..4   | [`MAGIC_NUMBER`]                                            |
//! | 4..8   | flags, u32 LE: bit 0 hash-based, bit 1 `check_source`       |
//! | 8..16  | timestamp-based: source mtime, source size (u32 LE each);   |
//! |        | hash-based: the 8-byte [`source_hash`] of the source bytes  |

use std::fmt;
use std::path::{Path, PathBuf};

/// kaa's `.pyc` magic number: a u16 little-endian followed by `b"\r\n"`, as
/// CPython's. The value (0x4B01 = 19201) lies far from every number CPython
/// has used (1.x/2.x: 20121..62211; 3.x: 3000..3600s), so neither
/// implementation mistakes the other's files for its own.
///
/// It MUST change (increment the u16) whenever the bytecode or marshal
/// format kaa writes changes, so that stale caches are recompiled.
pub const MAGIC_NUMBER: [u8; 4] = [0x01, 0x4B, b'\r', b'\n'];

/// The magic number as a little-endian u32: the SipHash key of
/// [`source_hash`], as CPython's `_RAW_MAGIC_NUMBER`.
pub const RAW_MAGIC_NUMBER: u32 = u32::from_le_bytes(MAGIC_NUMBER);

/// `sys.implementation.cache_tag`: the middle part of `name.kaa-311.pyc`.
pub const CACHE_TAG: &str = "kaa-311";

/// Length of the header in bytes.
pub const HEADER_LEN: usize = 16;

/// Flags bit 0: the pyc is validated by a source hash, not a timestamp.
const FLAG_HASH_BASED: u32 = 0b01;
/// Flags bit 1: a hash-based pyc whose hash is checked against the source.
const FLAG_CHECK_SOURCE: u32 = 0b10;

/// How a `.pyc` is checked against its source (header bytes 4..16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validation {
    /// Timestamp-based: source mtime and size, each truncated to 32 bits.
    Timestamp {
        /// `int(st_mtime) & 0xFFFFFFFF`.
        mtime: u32,
        /// `st_size & 0xFFFFFFFF`.
        size: u32,
    },
    /// Hash-based (PEP 552): the [`source_hash`] of the source bytes.
    Hash {
        /// The 8-byte keyed SipHash-1-3 of the source.
        hash: [u8; 8],
        /// Whether the importer re-hashes the source to validate the pyc.
        check_source: bool,
    },
}

impl Validation {
    /// Timestamp validation from a stat result, truncated as CPython's
    /// `_pack_uint32(int(st_mtime))` / `_pack_uint32(st_size)`.
    /// `mtime_secs` is `int(st_mtime)`: whole seconds, truncated toward zero.
    pub fn from_stat(mtime_secs: i64, size: u64) -> Validation {
        // `int(x) & 0xFFFFFFFF` on a negative int keeps two's complement bits.
        Validation::Timestamp {
            mtime: mtime_secs as u32,
            size: size as u32,
        }
    }

    /// Hash validation of `source` keyed with kaa's magic number.
    pub fn from_source(source: &[u8], check_source: bool) -> Validation {
        Validation::Hash {
            hash: source_hash(source),
            check_source,
        }
    }
}

/// Why a `.pyc` header was rejected, with CPython's message wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PycError {
    /// The first four bytes are not [`MAGIC_NUMBER`] (CPython: ImportError
    /// `bad magic number in 'name': b'...'`). Holds the bytes found (up to 4).
    BadMagic(Vec<u8>),
    /// Fewer than 16 bytes (CPython: EOFError `reached EOF while reading pyc
    /// header of 'name'`).
    Truncated,
    /// Flag bits other than 0 and 1 set (CPython: ImportError
    /// `invalid flags 4 in 'name'`). Holds the whole flags word.
    InvalidFlags(u32),
}

impl PycError {
    /// CPython's exception message for this error when importing module `name`.
    pub fn message(&self, name: &str) -> String {
        let name = kaa_repr::repr_str(name);
        match self {
            PycError::BadMagic(found) => {
                format!(
                    "bad magic number in {name}: {}",
                    kaa_repr::repr_bytes(found)
                )
            }
            PycError::Truncated => format!("reached EOF while reading pyc header of {name}"),
            PycError::InvalidFlags(flags) => format!("invalid flags {flags} in {name}"),
        }
    }
}

impl fmt::Display for PycError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PycError::BadMagic(found) => {
                write!(f, "bad magic number: {}", kaa_repr::repr_bytes(found))
            }
            PycError::Truncated => f.write_str("reached EOF while reading pyc header"),
            PycError::InvalidFlags(flags) => write!(f, "invalid flags {flags}"),
        }
    }
}

impl std::error::Error for PycError {}

/// A complete `.pyc` file: the 16-byte header, then `marshalled_code`.
pub fn write_pyc(validation: &Validation, marshalled_code: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + marshalled_code.len());
    out.extend_from_slice(&MAGIC_NUMBER);
    match *validation {
        Validation::Timestamp { mtime, size } => {
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&mtime.to_le_bytes());
            out.extend_from_slice(&size.to_le_bytes());
        }
        Validation::Hash { hash, check_source } => {
            let mut flags = FLAG_HASH_BASED;
            if check_source {
                flags |= FLAG_CHECK_SOURCE;
            }
            out.extend_from_slice(&flags.to_le_bytes());
            out.extend_from_slice(&hash);
        }
    }
    out.extend_from_slice(marshalled_code);
    out
}

/// Parse a `.pyc` header; on success also return the bytes after it (the
/// marshalled code). Checks in CPython's `_classify_pyc` order: magic first
/// (so data shorter than 4 bytes is a bad magic), then length, then flags.
/// As in CPython, bit 1 without bit 0 is a timestamp-based pyc.
pub fn read_header(data: &[u8]) -> Result<(Validation, &[u8]), PycError> {
    let magic = data.get(..4).unwrap_or(data);
    if magic != MAGIC_NUMBER {
        return Err(PycError::BadMagic(magic.to_vec()));
    }
    let (Some(header), Some(rest)) = (data.get(..HEADER_LEN), data.get(HEADER_LEN..)) else {
        return Err(PycError::Truncated);
    };
    let word =
        |i: usize| u32::from_le_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
    let flags = word(4);
    if flags & !(FLAG_HASH_BASED | FLAG_CHECK_SOURCE) != 0 {
        return Err(PycError::InvalidFlags(flags));
    }
    let validation = if flags & FLAG_HASH_BASED != 0 {
        let mut hash = [0u8; 8];
        hash.copy_from_slice(&header[8..16]);
        Validation::Hash {
            hash,
            check_source: flags & FLAG_CHECK_SOURCE != 0,
        }
    } else {
        Validation::Timestamp {
            mtime: word(8),
            size: word(12),
        }
    };
    Ok((validation, rest))
}

/// The hash stored in a hash-based pyc: CPython's
/// `importlib.util.source_hash`, keyed with kaa's [`RAW_MAGIC_NUMBER`]
/// instead of CPython's.
pub fn source_hash(data: &[u8]) -> [u8; 8] {
    source_hash_with_key(u64::from(RAW_MAGIC_NUMBER), data)
}

/// CPython's `_imp.source_hash(key, data)`: SipHash-1-3 with k0 = `key`,
/// k1 = 0 (`_Py_KeyedHash`), as 8 little-endian bytes. A negative Python
/// `key` corresponds to its two's complement `as u64`.
pub fn source_hash_with_key(key: u64, data: &[u8]) -> [u8; 8] {
    kaa_str::siphash13(key, 0, data).to_le_bytes()
}

/// Why [`cache_path`] or [`source_path`] failed, with CPython's wording.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// CPython raises `ValueError` with this message.
    Value(String),
    /// The current directory was needed (relative source with a pycache
    /// prefix) and could not be read (CPython: `os.getcwd()`'s OSError).
    Cwd(String),
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::Value(msg) | PathError::Cwd(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for PathError {}

/// The `__pycache__` directory name (CPython's `_PYCACHE`).
const PYCACHE: &[u8] = b"__pycache__";
/// The optimization marker in cache file names (CPython's `_OPT`).
const OPT: &[u8] = b"opt-";

/// `importlib.util.cache_from_source(source, optimization=optimization)`
/// with kaa's [`CACHE_TAG`] and `sys.pycache_prefix` = `prefix`:
/// `a/b.py` -> `a/__pycache__/b.kaa-311.pyc`, with `optimization` "1"
/// `a/__pycache__/b.kaa-311.opt-1.pyc`. With a prefix, a relative source is
/// first made absolute against the current directory. Paths are split on
/// `/` only (POSIX).
pub fn cache_path(
    source: &Path,
    optimization: &str,
    prefix: Option<&Path>,
) -> Result<PathBuf, PathError> {
    let needs_cwd = prefix.is_some() && !path_bytes(source).starts_with(b"/");
    let cwd = if needs_cwd {
        let dir = std::env::current_dir().map_err(|e| PathError::Cwd(e.to_string()))?;
        Some(dir)
    } else {
        None
    };
    cache_path_in(source, optimization, prefix, cwd.as_deref())
}

/// [`cache_path`] with the current directory given (`None`: not known; a
/// relative source under a prefix then stays relative to the prefix root).
pub fn cache_path_in(
    source: &Path,
    optimization: &str,
    prefix: Option<&Path>,
    cwd: Option<&Path>,
) -> Result<PathBuf, PathError> {
    let path = path_bytes(source);
    let (head, tail) = split(&path);
    // `base, sep, rest = tail.rpartition('.')`; `base or rest`.
    let mut filename = match tail.iter().rposition(|&c| c == b'.') {
        Some(dot) if dot > 0 => tail[..=dot].to_vec(),
        Some(dot) => {
            let mut name = tail[dot + 1..].to_vec();
            name.push(b'.');
            name
        }
        None => tail.to_vec(),
    };
    filename.extend_from_slice(CACHE_TAG.as_bytes());
    if !optimization.is_empty() {
        // Python's str.isalnum, approximated by char::is_alphanumeric.
        if !optimization.chars().all(char::is_alphanumeric) {
            return Err(PathError::Value(format!(
                "{} is not alphanumeric",
                kaa_repr::repr_str(optimization)
            )));
        }
        filename.push(b'.');
        filename.extend_from_slice(OPT);
        filename.extend_from_slice(optimization.as_bytes());
    }
    filename.extend_from_slice(b".pyc");
    let Some(prefix) = prefix else {
        return Ok(bytes_path(&join(&[head, PYCACHE, &filename])));
    };
    let mut head = head.to_vec();
    if !head.starts_with(b"/") {
        if let Some(cwd) = cwd {
            head = join(&[&path_bytes(cwd), &head]);
        }
    }
    // CPython strips a Windows drive (`head[1] == ':'`) here: never on POSIX
    // for an absolute head, but a head made from an unknown cwd may match.
    if head.get(1) == Some(&b':') && head.first() != Some(&b'/') {
        head.drain(..2);
    }
    let start = head.iter().position(|&c| c != b'/').unwrap_or(head.len());
    let root_relative = head.get(start..).unwrap_or_default();
    Ok(bytes_path(&join(&[
        &path_bytes(prefix),
        root_relative,
        &filename,
    ])))
}

/// `importlib.util.source_from_cache(cache)` with kaa's cache layout and
/// `sys.pycache_prefix` = `prefix`: `a/__pycache__/b.kaa-311.pyc` ->
/// `a/b.py`. Like CPython it checks only the shape (the `__pycache__`
/// directory or the prefix, 2 or 3 dots, `opt-` + alphanumeric), not the tag.
pub fn source_path(cache: &Path, prefix: Option<&Path>) -> Result<PathBuf, PathError> {
    let path = path_bytes(cache);
    let (mut head, filename) = split(&path);
    let mut found_in_prefix = false;
    if let Some(prefix) = prefix {
        let prefix = path_bytes(prefix);
        let end = prefix.iter().rposition(|&c| c != b'/').map_or(0, |i| i + 1);
        let stripped = &prefix[..end];
        if head.len() > stripped.len() && head.starts_with(stripped) && head[stripped.len()] == b'/'
        {
            head = &head[stripped.len()..];
            found_in_prefix = true;
        }
    }
    if !found_in_prefix {
        let (parent, pycache) = split(head);
        if pycache != PYCACHE {
            return Err(PathError::Value(format!(
                "__pycache__ not bottom-level directory in {}",
                repr_path(&path)
            )));
        }
        head = parent;
    }
    let dots = filename.iter().filter(|&&c| c == b'.').count();
    if dots == 3 {
        // `filename.rsplit('.', 2)[-2]`: the part between the last two dots.
        let mut parts = filename.rsplitn(3, |&c| c == b'.');
        parts.next();
        let optimization = parts.next().unwrap_or_default();
        let Some(level) = optimization.strip_prefix(OPT) else {
            return Err(PathError::Value(
                "optimization portion of filename does not start with 'opt-'".to_string(),
            ));
        };
        let level = String::from_utf8_lossy(level);
        if level.is_empty() || !level.chars().all(char::is_alphanumeric) {
            return Err(PathError::Value(format!(
                "optimization level {} is not an alphanumeric value",
                repr_path(optimization)
            )));
        }
    } else if dots != 2 {
        return Err(PathError::Value(format!(
            "expected only 2 or 3 dots in {}",
            repr_path(filename)
        )));
    }
    let base = filename.split(|&c| c == b'.').next().unwrap_or_default();
    let mut source = base.to_vec();
    source.extend_from_slice(b".py");
    Ok(bytes_path(&join(&[head, &source])))
}

/// CPython's POSIX `_path_split`: split at the last `/` (dropping it).
fn split(path: &[u8]) -> (&[u8], &[u8]) {
    match path.iter().rposition(|&c| c == b'/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => (&[], path),
    }
}

/// CPython's POSIX `_path_join`: `'/'.join(p.rstrip('/') for p in parts if p)`.
fn join(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for (n, part) in parts.iter().filter(|p| !p.is_empty()).enumerate() {
        if n > 0 {
            out.push(b'/');
        }
        let end = part.iter().rposition(|&c| c != b'/').map_or(0, |i| i + 1);
        out.extend_from_slice(&part[..end]);
    }
    out
}

/// A path as Python's `repr()` of its `str` (lossily decoded).
fn repr_path(path: &[u8]) -> String {
    kaa_repr::repr_str(&String::from_utf8_lossy(path))
}

/// The bytes of a path (exact on Unix; lossy UTF-8 elsewhere).
#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

/// The bytes of a path (exact on Unix; lossy UTF-8 elsewhere).
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

/// A path from bytes made by [`path_bytes`].
#[cfg(unix)]
fn bytes_path(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

/// A path from bytes made by [`path_bytes`].
#[cfg(not(unix))]
fn bytes_path(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}
