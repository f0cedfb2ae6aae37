//! The tokenizer: source text to tokens, as CPython 3.11's tokenizer.c.
//! (Being written.)

use crate::error::SyntaxError;
use crate::token::Token;

/// All tokens of a source, up to the first tokenizer error.
pub struct Tokenized {
    /// The tokens, ending with `EndMarker` unless `error` is set.
    pub tokens: Vec<Token>,
    /// The tokenizer error met after the last token, if any.
    pub error: Option<SyntaxError>,
}

/// Tokenizes a whole source text.
pub fn tokenize(_src: &str) -> Tokenized {
    Tokenized { tokens: Vec::new(), error: None }
}
