//! `\N{NAME}` lookup as CPython 3.11's unicodedata `_getcode` with named
//! sequences disallowed: names and name aliases of Unicode 14.0.0,
//! case-insensitively, plus the computed names of Hangul syllables and CJK
//! unified ideographs (whose prefixes and digits CPython matches
//! case-sensitively).
//!
//! The name data comes from `unicode_names2` (a newer Unicode); results are
//! limited to what CPython 3.11 knows with the generated `unicode_tables`.

use crate::unicode_tables::{in_ranges, CJK_UNIFIED, NAMED, REJECTED_ALIASES};

/// The code point called `name`, or `None` when CPython 3.11 rejects it.
pub fn lookup(name: &[u8]) -> Option<u32> {
    let name = std::str::from_utf8(name).ok()?;
    if !name.is_ascii() {
        return None;
    }
    if let Some(rest) = name.strip_prefix("HANGUL SYLLABLE ") {
        return hangul_syllable(rest.as_bytes());
    }
    if let Some(rest) = name.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        return cjk_unified(rest.as_bytes());
    }
    let upper = name.to_ascii_uppercase();
    // Only the exact-case prefixes reach the computed names; in any other
    // case CPython's hash table lookup finds nothing for them.
    if upper.starts_with("HANGUL SYLLABLE ") || upper.starts_with("CJK UNIFIED IDEOGRAPH-") {
        return None;
    }
    if REJECTED_ALIASES.contains(&upper.as_str()) {
        return None;
    }
    let c = unicode_names2::character(&upper)? as u32;
    if in_ranges(NAMED, c) {
        return Some(c);
    }
    // A code point without a 3.11 name (a control character, say) is only
    // reachable through one of its aliases; by its own name it is newer
    // than Unicode 14.0.
    let by_name = char::from_u32(c)
        .and_then(unicode_names2::name)
        .is_some_and(|n| n.to_string() == upper);
    (!by_name).then_some(c)
}

/// `CJK UNIFIED IDEOGRAPH-XXXX`: four or five uppercase hex digits of a
/// unified ideograph.
fn cjk_unified(digits: &[u8]) -> Option<u32> {
    if digits.len() != 4 && digits.len() != 5 {
        return None;
    }
    let mut v = 0u32;
    for &d in digits {
        v = v * 16
            + match d {
                b'0'..=b'9' => (d - b'0') as u32,
                b'A'..=b'F' => (d - b'A' + 10) as u32,
                _ => return None,
            };
    }
    in_ranges(CJK_UNIFIED, v).then_some(v)
}

/// Jamo short names: leading consonants, vowels, trailing consonants
/// (CPython's `hangul_syllables` table, by column).
const JAMO_L: [&str; 19] = [
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// The longest entry of `column` that `s` starts with (case-sensitive, as
/// CPython's `find_syllable`): its index and length.
fn find_jamo(s: &[u8], column: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, jamo) in column.iter().enumerate() {
        let len = jamo.len();
        if best.is_some_and(|(_, l)| len <= l) {
            continue;
        }
        if s.starts_with(jamo.as_bytes()) {
            best = Some((i, len));
        }
    }
    best
}

/// `HANGUL SYLLABLE <L><V><T>`: greedy longest match per column, the whole
/// rest of the name consumed.
fn hangul_syllable(s: &[u8]) -> Option<u32> {
    let (l, n1) = find_jamo(s, &JAMO_L)?;
    let s = &s[n1..];
    let (v, n2) = find_jamo(s, &JAMO_V)?;
    let s = &s[n2..];
    let (t, n3) = find_jamo(s, &JAMO_T)?;
    if n3 != s.len() {
        return None;
    }
    Some(0xac00 + ((l * 21 + v) * 28 + t) as u32)
}

#[cfg(test)]
mod tests {
    use super::lookup;
    use crate::unicode_tables::{in_ranges, NAMED};

    /// Every code point python3's unicodedata names (the NAMED table) is
    /// found again from its name, which unicode_names2 spells as CPython.
    #[test]
    fn every_named_code_point_round_trips() {
        let mut n = 0;
        for &(lo, hi) in NAMED {
            for cp in lo..=hi {
                let c = char::from_u32(cp).expect("named code points are chars");
                let name = unicode_names2::name(c)
                    .expect("named in newer Unicode too")
                    .to_string();
                assert_eq!(lookup(name.as_bytes()), Some(cp), "{name}");
                assert_eq!(
                    lookup(name.to_ascii_lowercase().as_bytes()).is_some(),
                    !name.starts_with("HANGUL SYLLABLE ")
                        && !name.starts_with("CJK UNIFIED IDEOGRAPH-")
                );
                n += 1;
            }
        }
        // sum(unicodedata.name(chr(c), None) is not None for c in range(0x110000))
        assert_eq!(n, NAMED_COUNT);
        assert!(!in_ranges(NAMED, 0x17000));
    }

    /// `sum(unicodedata.name(chr(c), None) is not None for c in range(0x110000))`
    /// in python3 3.11.7.
    const NAMED_COUNT: u32 = 138552;

    /// Expectations from python3: `'\N{...}'` compiled (None: SyntaxError).
    #[test]
    fn names() {
        let cases: &[(&str, Option<u32>)] = &[
            ("hangul syllable GA", None),
            ("HANGUL SYLLABLE ga", None),
            ("HANGUL SYLLABLE GAG", Some(0xac01)),
            ("HANGUL SYLLABLE GAGG", Some(0xac02)),
            ("HANGUL SYLLABLE ", None),
            ("HANGUL SYLLABLE A", Some(0xc544)),
            ("HANGUL SYLLABLE GGAG", Some(0xae4d)),
            ("HANGUL SYLLABLE GA ", None),
            ("CJK UNIFIED IDEOGRAPH-4E0", None),
            ("CJK UNIFIED IDEOGRAPH-20000", Some(0x20000)),
            ("CJK UNIFIED IDEOGRAPH-2A6DF", Some(0x2a6df)),
            ("CJK UNIFIED IDEOGRAPH-31350", None),
            ("CJK UNIFIED IDEOGRAPH-0004E00", None),
            ("CJK UNIFIED IDEOGRAPH-04E00", Some(0x4e00)),
            ("CJK UNIFIED IDEOGRAPH-4e00", None),
            ("cjk unified ideograph-4E00", None),
            ("latin small letter a", Some(0x61)),
            ("LATIN SMALL LETTER  A", None),
            ("NULL", Some(0x0)),
            ("space", Some(0x20)),
            ("LATIN SMALL LETTER SHARP S", Some(0xdf)),
            ("BYTE ORDER MARK", Some(0xfeff)),
            ("TANGUT IDEOGRAPH-17000", None),
            ("KHITAN SMALL SCRIPT CHARACTER-18B00", Some(0x18b00)),
            ("NUSHU CHARACTER-1B170", Some(0x1b170)),
            ("CJK COMPATIBILITY IDEOGRAPH-F900", Some(0xf900)),
            ("MENDE KIKAKUI SYLLABLE M172 MBO", None),
            ("EM", None),
            ("END OF MEDIUM", Some(0x19)),
            ("LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", None),
            ("BEL", Some(0x7)),
            ("ALERT", Some(0x7)),
            ("BELL", Some(0x1f514)),
        ];
        for &(name, want) in cases {
            assert_eq!(lookup(name.as_bytes()), want, "{name}");
        }
    }
}
