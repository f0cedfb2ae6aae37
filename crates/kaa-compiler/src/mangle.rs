//! Private name mangling: inside `class C`, `__x` means `_C__x`.

use std::borrow::Cow;

/// Mangles `name` for use inside the class named `private`, as CPython's
/// `_Py_Mangle` does: `__spam` becomes `_Class__spam`.
///
/// Unchanged: names outside any class (`private` is `None`), names not
/// starting with two underscores, dunder names ending with two underscores,
/// dotted names (import paths), and any name when the class name is all
/// underscores. Leading underscores of the class name are dropped
/// (`class _C` mangles `__x` to `_C__x`).
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(private) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(1 + stripped.len() + name.len());
    out.push('_');
    out.push_str(stripped);
    out.push_str(name);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangles_like_cpython() {
        // Expected values from CPython 3.11: `class C: __x = 1` etc.
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__C_"), "__x"), "_C___x");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "__"), "__");
        assert_eq!(mangle(Some("C"), "___"), "___");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
        assert_eq!(mangle(None, "__x"), "__x");
        assert_eq!(mangle(Some("Ç"), "__é"), "_Ç__é");
    }
}
