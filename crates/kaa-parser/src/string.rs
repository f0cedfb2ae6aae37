//! String literals: escapes, prefixes, implicit concatenation, f-strings.
//! (Being written.)
