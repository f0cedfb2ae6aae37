//! Code point properties and full case mappings of Unicode 14.0.0, read from
//! the generated tables (CPython 3.11's `Objects/unicodectype.c` answers).

use crate::tables;

/// `Py_UNICODE_ISSPACE`: whitespace as str.split()/strip()/isspace() see it.
pub fn is_space(cp: u32) -> bool {
    if cp < 0x80 {
        return matches!(cp, 0x09..=0x0D | 0x1C..=0x20);
    }
    tables::flags(cp) & tables::SPACE != 0
}

/// `Py_UNICODE_ISLINEBREAK`: a line boundary for str.splitlines().
pub fn is_linebreak(cp: u32) -> bool {
    if cp < 0x80 {
        return matches!(cp, 0x0A..=0x0D | 0x1C..=0x1E);
    }
    tables::flags(cp) & tables::LINEBREAK != 0
}

/// `Py_UNICODE_ISLOWER` (Unicode's Lowercase property).
pub fn is_lower(cp: u32) -> bool {
    tables::flags(cp) & tables::LOWER != 0
}

/// `Py_UNICODE_ISUPPER` (Unicode's Uppercase property).
pub fn is_upper(cp: u32) -> bool {
    tables::flags(cp) & tables::UPPER != 0
}

/// `Py_UNICODE_ISTITLE` (general category Lt).
pub fn is_title(cp: u32) -> bool {
    tables::flags(cp) & tables::TITLE != 0
}

/// `_PyUnicode_IsCased` (Unicode's Cased property).
pub fn is_cased(cp: u32) -> bool {
    tables::flags(cp) & tables::CASED != 0
}

/// `_PyUnicode_IsCaseIgnorable` (Unicode's Case_Ignorable property).
pub fn is_case_ignorable(cp: u32) -> bool {
    tables::flags(cp) & tables::CASE_IGNORABLE != 0
}

/// `Py_UNICODE_ISALPHA` (general category L*).
pub fn is_alpha(cp: u32) -> bool {
    tables::flags(cp) & tables::ALPHA != 0
}

/// `Py_UNICODE_ISDECIMAL` (str.isdecimal, int() digits).
pub fn is_decimal(cp: u32) -> bool {
    tables::flags(cp) & tables::DECIMAL != 0
}

/// `Py_UNICODE_ISDIGIT`.
pub fn is_digit(cp: u32) -> bool {
    tables::flags(cp) & tables::DIGIT != 0
}

/// `Py_UNICODE_ISNUMERIC`.
pub fn is_numeric(cp: u32) -> bool {
    tables::flags(cp) & tables::NUMERIC != 0
}

/// `Py_UNICODE_ISALNUM`: alpha, decimal, digit or numeric.
pub fn is_alnum(cp: u32) -> bool {
    tables::flags(cp) & (tables::ALPHA | tables::DECIMAL | tables::DIGIT | tables::NUMERIC) != 0
}

/// `Py_UNICODE_ISPRINTABLE` (what repr() leaves unescaped).
pub fn is_printable(cp: u32) -> bool {
    tables::flags(cp) & tables::PRINTABLE != 0
}

/// `_PyUnicode_IsXidStart`, plus '_' (what str.isidentifier() accepts first).
pub fn is_xid_start(cp: u32) -> bool {
    tables::flags(cp) & tables::XID_START != 0
}

/// `_PyUnicode_IsXidContinue`.
pub fn is_xid_continue(cp: u32) -> bool {
    tables::flags(cp) & tables::XID_CONTINUE != 0
}

/// `_PyUnicode_ToDecimalDigit`: the value of a decimal digit (int('٣') == 3).
pub fn decimal_value(cp: u32) -> Option<u32> {
    if (0x30..=0x39).contains(&cp) {
        return Some(cp - 0x30);
    }
    if !is_decimal(cp) {
        return None;
    }
    let i = tables::DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *tables::DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    Some(cp - zero).filter(|&v| v < 10)
}

/// A one-code-point mapping run: (start, end, stride, delta).
type Run = (u32, u32, u32, i32);
/// A multi-code-point mapping: (code point, zero-padded result).
type Special = (u32, [u32; 3]);

/// Which full case mapping to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseMap {
    /// `_PyUnicode_ToLowerFull` (no final-sigma context: see `Str::lower`).
    Lower,
    /// `_PyUnicode_ToUpperFull`.
    Upper,
    /// `_PyUnicode_ToTitleFull`.
    Title,
    /// `_PyUnicode_ToFoldedFull`.
    Fold,
}

/// The full mapping of `cp` (1 to 3 code points), as (buffer, length).
pub fn map_full(map: CaseMap, cp: u32) -> ([u32; 3], usize) {
    if cp < 0x80 {
        let c = match map {
            CaseMap::Lower | CaseMap::Fold => (cp as u8).to_ascii_lowercase(),
            CaseMap::Upper | CaseMap::Title => (cp as u8).to_ascii_uppercase(),
        };
        return ([u32::from(c), 0, 0], 1);
    }
    let (runs, special): (&[Run], &[Special]) = match map {
        CaseMap::Lower => (&tables::LOWER_RUNS, &tables::LOWER_SPECIAL),
        CaseMap::Upper => (&tables::UPPER_RUNS, &tables::UPPER_SPECIAL),
        CaseMap::Title => (&tables::TITLE_RUNS, &tables::TITLE_SPECIAL),
        CaseMap::Fold => (&tables::FOLD_RUNS, &tables::FOLD_SPECIAL),
    };
    if let Ok(i) = special.binary_search_by_key(&cp, |&(c, _)| c) {
        if let Some(&(_, m)) = special.get(i) {
            let n = m.iter().take_while(|&&c| c != 0).count();
            return (m, n);
        }
    }
    let i = runs.partition_point(|&(start, _, _, _)| start <= cp);
    if let Some(&(start, end, stride, delta)) = i.checked_sub(1).and_then(|i| runs.get(i)) {
        if cp <= end && stride != 0 && (cp - start).is_multiple_of(stride) {
            return ([cp.wrapping_add_signed(delta), 0, 0], 1);
        }
    }
    ([cp, 0, 0], 1)
}
