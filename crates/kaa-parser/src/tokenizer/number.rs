//! Numeric literals, as the NUMBER part of CPython 3.11's `tok_get`: digits
//! with single underscores, `0x`/`0o`/`0b`, floats, exponents, imaginary
//! `j`, and `verify_end_of_number`'s rules for what may follow.

use super::{is_digit, is_potential_identifier_char, Fail, Lexer, TokenizerWarning};

impl Lexer<'_> {
    /// A number whose first digit `first` was just read; on success the
    /// number ends at `self.pos`.
    pub(super) fn number(&mut self, first: u8, start: usize) -> Result<(), Fail> {
        if first != b'0' {
            // Decimal.
            let c = self.decimal_tail()?;
            return self.number_after_int(c);
        }
        // Hex, octal or binary -- maybe.
        let c = self.nextc();
        match c {
            Some(b'x' | b'X') => self.radix_digits(16, "hexadecimal"),
            Some(b'o' | b'O') => self.radix_digits(8, "octal"),
            Some(b'b' | b'B') => self.radix_digits(2, "binary"),
            _ => self.number_after_zero(c, start),
        }
    }

    /// After a leading `0` that starts no radix prefix: more zeros, or a
    /// float; other digits are an old-style octal, no longer allowed.
    fn number_after_zero(&mut self, mut c: Option<u8>, start: usize) -> Result<(), Fail> {
        loop {
            if c == Some(b'_') {
                c = self.nextc();
                if !is_digit(c) {
                    self.backup(c);
                    return Err(self.syntax_error("invalid decimal literal"));
                }
            }
            if c != Some(b'0') {
                break;
            }
            c = self.nextc();
        }
        let zeros_end = self.pos;
        let mut nonzero = false;
        if is_digit(c) {
            nonzero = true;
            c = self.decimal_tail()?;
        }
        match c {
            Some(b'.') => {
                let c = self.nextc();
                self.number_fraction(c)
            }
            Some(b'e' | b'E') => self.number_exponent(c),
            Some(b'j' | b'J') => self.number_imaginary(),
            _ if nonzero => {
                // Old-style octal: now disallowed. CPython reports the byte
                // range of the leading zeros without converting to chars.
                self.backup(c);
                let col = (start + 1).saturating_sub(self.line_start) as i64;
                let end_col = zeros_end.saturating_sub(self.line_start) as i64;
                Err(self.syntax_error_known_range(
                    "leading zeros in decimal integer literals are not permitted; \
                     use an 0o prefix for octal integers",
                    col,
                    end_col,
                ))
            }
            _ => {
                self.verify_end_of_number(c, "decimal")?;
                self.backup(c);
                Ok(())
            }
        }
    }

    /// The digits after `0x`, `0o` or `0b`.
    fn radix_digits(&mut self, radix: u32, kind: &str) -> Result<(), Fail> {
        let in_radix = |c: Option<u8>| matches!(c, Some(b) if (b as char).is_digit(radix));
        let mut c = self.nextc();
        loop {
            if c == Some(b'_') {
                c = self.nextc();
            }
            if !in_radix(c) {
                if radix != 16 && is_digit(c) {
                    return Err(self.invalid_digit(c, kind));
                }
                self.backup(c);
                return Err(self.syntax_error(format!("invalid {kind} literal")));
            }
            loop {
                c = self.nextc();
                if !in_radix(c) {
                    break;
                }
            }
            if c != Some(b'_') {
                break;
            }
        }
        if radix != 16 && is_digit(c) {
            return Err(self.invalid_digit(c, kind));
        }
        self.verify_end_of_number(c, kind)?;
        self.backup(c);
        Ok(())
    }

    /// "invalid digit '8' in octal literal", pointing just past the digit.
    fn invalid_digit(&self, c: Option<u8>, kind: &str) -> Fail {
        let d = c.map_or('?', char::from);
        self.syntax_error(format!("invalid digit '{d}' in {kind} literal"))
    }

    /// `tok_decimal_tail`: more digits, each `_` followed by a digit; returns
    /// the first character after them.
    fn decimal_tail(&mut self) -> Result<Option<u8>, Fail> {
        loop {
            let mut c = self.nextc();
            while is_digit(c) {
                c = self.nextc();
            }
            if c != Some(b'_') {
                return Ok(c);
            }
            c = self.nextc();
            if !is_digit(c) {
                self.backup(c);
                return Err(self.syntax_error("invalid decimal literal"));
            }
        }
    }

    /// After the integer part of a decimal number.
    fn number_after_int(&mut self, c: Option<u8>) -> Result<(), Fail> {
        if c == Some(b'.') {
            let c = self.nextc();
            return self.number_fraction(c);
        }
        self.number_exponent(c)
    }

    /// `fraction:`: `c` is the character after the period.
    pub(super) fn number_fraction(&mut self, mut c: Option<u8>) -> Result<(), Fail> {
        if is_digit(c) {
            c = self.decimal_tail()?;
        }
        self.number_exponent(c)
    }

    /// `exponent:` (when `c` is `e`/`E`) and the imaginary suffix.
    fn number_exponent(&mut self, mut c: Option<u8>) -> Result<(), Fail> {
        if matches!(c, Some(b'e' | b'E')) {
            let e = c;
            c = self.nextc();
            if matches!(c, Some(b'+' | b'-')) {
                c = self.nextc();
                if !is_digit(c) {
                    self.backup(c);
                    return Err(self.syntax_error("invalid decimal literal"));
                }
            } else if !is_digit(c) {
                // `1else`: the number ends before the `e`.
                self.backup(c);
                self.verify_end_of_number(e, "decimal")?;
                self.backup(e);
                return Ok(());
            }
            c = self.decimal_tail()?;
        }
        if matches!(c, Some(b'j' | b'J')) {
            return self.number_imaginary();
        }
        self.verify_end_of_number(c, "decimal")?;
        self.backup(c);
        Ok(())
    }

    /// `imaginary:`: the `j` was just read.
    fn number_imaginary(&mut self) -> Result<(), Fail> {
        let c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(())
    }

    /// `verify_end_of_number`: a number directly followed by `and`, `else`,
    /// `for`, `if`, `in`, `is`, `not` or `or` only warns ("invalid decimal
    /// literal", a SyntaxWarning); followed by another ASCII identifier
    /// character it is an error.
    fn verify_end_of_number(&mut self, c: Option<u8>, kind: &str) -> Result<(), Fail> {
        let keyword_follows = match c {
            Some(b'a') => self.lookahead(b"nd"),
            Some(b'e') => self.lookahead(b"lse"),
            Some(b'f') => self.lookahead(b"or"),
            Some(b'i') => matches!(self.s.get(self.pos), Some(b'f' | b'n' | b's')),
            Some(b'o') => self.lookahead(b"r"),
            Some(b'n') => self.lookahead(b"ot"),
            _ => false,
        };
        if keyword_follows {
            self.backup(c);
            let msg = format!("invalid {kind} literal");
            let as_error = match self.syntax_error(msg.clone()) {
                Fail::Direct(e) => e,
                _ => crate::error::SyntaxError::new(
                    crate::error::ErrorKind::SyntaxError,
                    msg.clone(),
                ),
            };
            self.warnings.push(TokenizerWarning { msg, as_error });
            self.nextc();
        } else if matches!(c, Some(b) if b < 0x80) && is_potential_identifier_char(c) {
            // CPython 3.11.7 checks `c < 128` here: `1é` is a NUMBER then a
            // NAME.
            self.backup(c);
            return Err(self.syntax_error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// `lookahead`: the next characters are `test` and no identifier
    /// character follows them.
    fn lookahead(&self, test: &[u8]) -> bool {
        let rest = self.s.get(self.pos..).unwrap_or(&[]);
        rest.starts_with(test) && !is_potential_identifier_char(rest.get(test.len()).copied())
    }
}
