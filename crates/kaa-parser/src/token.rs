//! Tokens: what the tokenizer hands the parser.
//!
//! Kinds follow CPython's `Grammar/Tokens` names; keywords get kinds of their
//! own so the parser compares integers, not strings. Soft keywords (`match`,
//! `case`, `_`) stay `Name`.

/// The kind of a token.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Tok {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    // Operators and delimiters (CPython's exact token names).
    LPar,
    RPar,
    LSqb,
    RSqb,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    LBrace,
    RBrace,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    CircumFlex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    /// `<>`: only meaningful with `from __future__ import barry_as_FLUFL`.
    NotEqualBarry,
    /// A character no rule accepts (`$`, `?`, `!` alone, a backtick): CPython
    /// returns it as a generic OP/ERRORTOKEN and the parser reports
    /// "invalid syntax" at it.
    ErrorOp,
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Tok {
    /// The keyword kind for `name`, if it is one of Python's hard keywords.
    pub fn keyword(name: &str) -> Option<Tok> {
        Some(match name {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        })
    }

    /// True for the hard keywords (`if`, `None`, ...).
    pub fn is_keyword(self) -> bool {
        (self as u8) >= (Tok::False as u8)
    }

    /// The operator kind for an exact operator spelling, as CPython's
    /// `PyToken_OneChar`/`TwoChars`/`ThreeChars` map them.
    pub fn operator(text: &str) -> Option<Tok> {
        Some(match text {
            "(" => Tok::LPar,
            ")" => Tok::RPar,
            "[" => Tok::LSqb,
            "]" => Tok::RSqb,
            ":" => Tok::Colon,
            "," => Tok::Comma,
            ";" => Tok::Semi,
            "+" => Tok::Plus,
            "-" => Tok::Minus,
            "*" => Tok::Star,
            "/" => Tok::Slash,
            "|" => Tok::VBar,
            "&" => Tok::Amper,
            "<" => Tok::Less,
            ">" => Tok::Greater,
            "=" => Tok::Equal,
            "." => Tok::Dot,
            "%" => Tok::Percent,
            "{" => Tok::LBrace,
            "}" => Tok::RBrace,
            "==" => Tok::EqEqual,
            "!=" => Tok::NotEqual,
            "<>" => Tok::NotEqualBarry,
            "<=" => Tok::LessEqual,
            ">=" => Tok::GreaterEqual,
            "~" => Tok::Tilde,
            "^" => Tok::CircumFlex,
            "<<" => Tok::LeftShift,
            ">>" => Tok::RightShift,
            "**" => Tok::DoubleStar,
            "+=" => Tok::PlusEqual,
            "-=" => Tok::MinEqual,
            "*=" => Tok::StarEqual,
            "/=" => Tok::SlashEqual,
            "%=" => Tok::PercentEqual,
            "&=" => Tok::AmperEqual,
            "|=" => Tok::VBarEqual,
            "^=" => Tok::CircumflexEqual,
            "<<=" => Tok::LeftShiftEqual,
            ">>=" => Tok::RightShiftEqual,
            "**=" => Tok::DoubleStarEqual,
            "//" => Tok::DoubleSlash,
            "//=" => Tok::DoubleSlashEqual,
            "@" => Tok::At,
            "@=" => Tok::AtEqual,
            "->" => Tok::RArrow,
            "..." => Tok::Ellipsis,
            ":=" => Tok::ColonEqual,
            _ => return None,
        })
    }
}

/// The column of a token CPython gives no column: INDENT and DEDENT (and
/// ENDMARKER) have `col_offset == -1` in CPython's tokenizer.
pub const NO_COL: u32 = u32::MAX;

/// One token with its place in the (UTF-8) source.
///
/// `start`/`end` are byte offsets into the decoded source text. Lines are
/// 1-based; columns are 0-based UTF-8 byte offsets within their line, as in
/// CPython's AST (`col_offset`, `end_col_offset`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
}
