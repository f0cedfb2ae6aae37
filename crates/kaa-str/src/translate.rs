//! str.translate and str.maketrans (the parts that need no dict: the VM
//! owns the mapping object and passes a lookup), as CPython 3.11.

use crate::{Str, StrBuilder, StrError};

/// What the translation table gives for one code point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Translation {
    /// LookupError from the table: the code point is kept.
    Unmapped,
    /// None: the code point is deleted.
    Delete,
    /// An int: that code point (checked against range(0x110000) here).
    Char(i64),
    /// A str: its code points (any length).
    Str(Str),
}

/// TypeError CPython raises for a mapping value that is not int, None or str
/// (the VM raises it when the table returns another type).
pub const BAD_MAPPING_TYPE: &str = "character mapping must return integer, None or str";

impl Str {
    /// `str.translate(table)`: `lookup(cp)` is the table's `__getitem__`
    /// (errors other than LookupError propagate). Results for ASCII code
    /// points are cached, as CPython's fast path does.
    pub fn translate<E: From<StrError>>(
        &self,
        mut lookup: impl FnMut(u32) -> Result<Translation, E>,
    ) -> Result<Str, E> {
        let mut cache: [Option<Translation>; 128] = std::array::from_fn(|_| None);
        let mut b = StrBuilder::with_capacity(self.len());
        for cp in self.code_points() {
            let t = match cache.get(cp as usize).and_then(|c| c.clone()) {
                Some(t) => t,
                None => {
                    let t = lookup(cp)?;
                    if let Some(slot) = cache.get_mut(cp as usize) {
                        *slot = Some(t.clone());
                    }
                    t
                }
            };
            match t {
                Translation::Unmapped => b.push(cp),
                Translation::Delete => {}
                Translation::Char(c) => match u32::try_from(c).ok().filter(|&c| c < 0x110000) {
                    Some(c) => b.push(c),
                    None => {
                        return Err(StrError::Value(
                            "character mapping must be in range(0x110000)".into(),
                        )
                        .into())
                    }
                },
                Translation::Str(s) => b.push_str(&s),
            }
        }
        Ok(b.finish())
    }

    /// `str.maketrans(x, y[, z])` with str arguments: (key, value) pairs in
    /// dict insertion order, `None` values for the characters of `z`.
    pub fn maketrans(
        x: &Str,
        y: &Str,
        z: Option<&Str>,
    ) -> Result<Vec<(u32, Option<u32>)>, StrError> {
        if x.len() != y.len() {
            return Err(StrError::Value(
                "the first two maketrans arguments must have equal length".into(),
            ));
        }
        let mut out: Vec<(u32, Option<u32>)> =
            x.code_points().zip(y.code_points().map(Some)).collect();
        if let Some(z) = z {
            out.extend(z.code_points().map(|c| (c, None)));
        }
        Ok(out)
    }

    /// The key of a one-argument `str.maketrans(dict)` given as a str:
    /// its code point, or ValueError when it is not one character long.
    pub fn maketrans_key(key: &Str) -> Result<u32, StrError> {
        match (key.len(), key.get(0)) {
            (1, Some(c)) => Ok(c),
            _ => Err(StrError::Value(
                "string keys in translate table must be of length 1".into(),
            )),
        }
    }
}
