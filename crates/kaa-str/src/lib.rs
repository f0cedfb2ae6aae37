//! Python's `str` without an interpreter: the payload of the VM's str objects
//! and every str algorithm, matching CPython 3.11 (Unicode 14.0.0).
//!
//! # API overview
//!
//! - [`Str`]: an immutable sequence of code points (lone surrogates allowed),
//!   stored as PEP 393 does (Latin-1, UCS-2 or UCS-4, the narrowest that
//!   fits; ASCII kept as a Rust `str`), O(1) indexing, cached hash.
//!   `Str::from_str`, `from_string`, `from_code_points`, `from_char`,
//!   `from_latin1`; `len`, `is_empty`, `is_ascii`, `kind`, `get`,
//!   `code_points`, `units`; `slice(start, stop)` (clamped),
//!   `slice_step(start, step, count)` (from the VM's `PySlice_AdjustIndices`),
//!   `concat`, `repeat`/`try_repeat`; `as_ascii_str` (zero-copy),
//!   `to_utf8` (strict: UnicodeEncodeError on surrogates), `to_utf8_lossy`.
//!   `PartialEq`/`Eq`/`Ord` (code point order)/`Hash` (Rust's, for interning).
//! - [`StrBuilder`]: appends (`push`, `push_str`, `push_rust_str`,
//!   `push_slice`, `push_repeated`) then `finish()`.
//! - [`HashKey`] (`from_seed(PYTHONHASHSEED)`, `random()`), `Str::hash(&key)`
//!   and [`hash_bytes`]: CPython 3.11's SipHash-1-3 str/bytes hash.
//! - [`StrError`]: the Python exception (class + CPython's message, or the
//!   Unicode{En,De}codeError attributes) an operation raises.
//!
//! - Methods on `Str`, each CPython 3.11's `str.<name>` (errors as [`StrError`]):
//!   case `lower upper casefold title capitalize swapcase` (full
//!   SpecialCasing, final sigma); predicates `isalnum isalpha isascii
//!   isdecimal isdigit isidentifier islower isnumeric isprintable isspace
//!   istitle isupper`; search `find rfind index rindex count contains
//!   startswith endswith replace`; `split rsplit splitlines partition
//!   rpartition join`; `center ljust rjust zfill expandtabs strip lstrip
//!   rstrip removeprefix removesuffix` ([`fill_char`] checks the fill
//!   argument); `translate` (the VM passes the table lookup) and
//!   `maketrans`/`maketrans_key`; `encode`/`encode_with` and [`decode`]
//!   (utf-8, ascii, latin-1, utf-16/32 with every standard error handler but
//!   namereplace; cp1252); `transform_decimal_and_space_to_ascii` for int()/float().
//! - [`unicode`]: code point properties and full case mappings of Unicode
//!   14.0.0 (tables generated from CPython by tools/gen_str_tables.py).
//!
//! Index arguments of find/count/startswith/... are `Option<isize>` as the
//! VM got them from `_PyEval_SliceIndex` (None = omitted/None; big ints
//! clamped to isize by the VM); kaa-str applies CPython's ADJUST_INDICES.
//! Widths, counts and maxsplit are `isize` (negative = CPython's meaning).
//! Tuple arguments (startswith/endswith) are looped over by the VM.
#![forbid(unsafe_code)]

mod builder;
mod case;
mod charmap;
mod codecs;
mod digits;
mod error;
mod hash;
mod pad;
mod predicates;
mod search;
mod split;
mod storage;
mod tables;
mod translate;
pub mod unicode;

pub use builder::StrBuilder;
pub use codecs::{decode, decode_with, Codec};
pub use error::{StrError, UnicodeDecodeError, UnicodeEncodeError};
pub use hash::{hash_bytes, siphash13, HashKey};
pub use pad::fill_char;
pub use search::adjust_indices;
pub use storage::{CodePoints, Kind, Str, Units};
pub use translate::{Translation, BAD_MAPPING_TYPE};
