//! The text int() parses (Unicode digits and spaces made ASCII) against CPython 3.11.
mod common;
use common::*;

#[test]
fn unicode_digits_parse_as_cpython() {
    check("digits.txt", |c| {
        let ascii = s(&c.args[0]).transform_decimal_and_space_to_ascii();
        // int() then strips Py_ISSPACE (ASCII " \t\n\r\x0b\x0c") and parses.
        let trimmed =
            ascii.trim_matches(|ch| matches!(ch, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c'));
        Some(match trimmed.parse::<i64>() {
            Ok(n) => V::I(n),
            // Only the class is compared: the message quotes the original text.
            Err(_) => match &c.want {
                V::E(class, _) if class == "ValueError" => c.want.clone(),
                _ => V::E("ValueError".into(), trimmed.to_string()),
            },
        })
    });
}
