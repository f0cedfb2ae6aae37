//! The text int(), float() and complex() parse: CPython's
//! `_PyUnicode_TransformDecimalAndSpaceToASCII`.

use crate::unicode::{decimal_value, is_space};
use crate::Str;

impl Str {
    /// ASCII kept, Unicode whitespace as ' ', Unicode decimal digits as
    /// '0'..'9'; the text stops with a '?' at the first other non-ASCII
    /// code point (so the number parser reports the original string invalid).
    pub fn transform_decimal_and_space_to_ascii(&self) -> String {
        if let Some(a) = self.as_ascii_str() {
            return a.to_string();
        }
        let mut out = String::with_capacity(self.len());
        for cp in self.code_points() {
            if cp < 127 {
                out.push(char::from(cp as u8));
            } else if is_space(cp) {
                out.push(' ');
            } else if let Some(d) = decimal_value(cp) {
                out.push(char::from(b'0' + d as u8));
            } else {
                out.push('?');
                break;
            }
        }
        out
    }
}
