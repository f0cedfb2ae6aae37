//! The cp1252 (Windows Latin-1) charmap codec, as CPython's
//! encodings/cp1252.py decoding table: bytes 0x80..0x9F map to the table
//! below (five are undefined), every other byte to the same code point.

/// The code points of bytes 0x80..=0x9F (None: undefined, "character maps
/// to <undefined>"); generated from python3's `bytes([b]).decode('cp1252')`.
const CP1252_HIGH: [Option<u16>; 32] = [
    Some(0x20ac),
    None,
    Some(0x201a),
    Some(0x192),
    Some(0x201e),
    Some(0x2026),
    Some(0x2020),
    Some(0x2021),
    Some(0x2c6),
    Some(0x2030),
    Some(0x160),
    Some(0x2039),
    Some(0x152),
    None,
    Some(0x17d),
    None,
    None,
    Some(0x2018),
    Some(0x2019),
    Some(0x201c),
    Some(0x201d),
    Some(0x2022),
    Some(0x2013),
    Some(0x2014),
    Some(0x2dc),
    Some(0x2122),
    Some(0x161),
    Some(0x203a),
    Some(0x153),
    None,
    Some(0x17e),
    Some(0x178),
];

/// The code point byte `b` decodes to, if defined.
pub(crate) fn cp1252_decode(b: u8) -> Option<u32> {
    match b {
        0x80..=0x9F => CP1252_HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .flatten()
            .map(u32::from),
        _ => Some(u32::from(b)),
    }
}

/// The byte code point `cp` encodes to, if any.
pub(crate) fn cp1252_encode(cp: u32) -> Option<u8> {
    if cp < 0x80 || (0xA0..=0xFF).contains(&cp) {
        return u8::try_from(cp).ok();
    }
    CP1252_HIGH
        .iter()
        .position(|&c| c.map(u32::from) == Some(cp))
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for b in 0..=255u8 {
            if let Some(cp) = cp1252_decode(b) {
                assert_eq!(cp1252_encode(cp), Some(b));
            }
        }
        assert_eq!(cp1252_decode(0x80), Some(0x20ac));
        assert_eq!(cp1252_decode(0x81), None);
        assert_eq!(cp1252_encode(0x100), None);
    }
}
