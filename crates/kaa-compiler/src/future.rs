//! Future statements: which `from __future__ import ...` features a module
//! turns on, and the errors CPython's `Python/future.c` raises for them.
//!
//! Only the statements at the very top of a module count (after an
//! optional docstring). A future import found later is not an error here:
//! the code generator raises "from __future__ imports must occur at the
//! beginning of the file" for it, using [`FutureFeatures::lineno`].

use kaa_parser::ast::ExprKind;
use kaa_parser::ast::{Mod, Stmt, StmtKind};
use kaa_parser::constant::Constant;
use kaa_parser::SyntaxError;

use crate::error::{syntax_error, ErrorSpan};

/// The features a module's future statements enable (CPython's
/// `PyFutureFeatures`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureFeatures {
    /// `annotations` (PEP 563, `CO_FUTURE_ANNOTATIONS`): annotations are
    /// kept as strings, never evaluated.
    pub annotations: bool,
    /// `barry_as_FLUFL` (`CO_FUTURE_BARRY_AS_BDFL`): `<>` replaces `!=`.
    pub barry_as_flufl: bool,
    /// The line of the last future statement (`ff_lineno`), `None` if
    /// there is none (CPython's -1).
    pub lineno: Option<u32>,
}

/// Features that are always on in Python 3 and accepted without effect.
const ACCEPTED_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
];

/// Reads the future statements of `module` (CPython's `_PyFuture_FromAST`).
///
/// `source` is the module's text, used for the error's `text` line. Errors:
/// "not a chance" (`braces`), "future feature X is not defined", and "from
/// __future__ imports must occur at the beginning of the file" for a future
/// import following another statement on the same line. As in CPython,
/// these errors have no `end_offset` (0 here, `None` in CPython), and the
/// last one's `offset` is the 0-based column.
pub fn parse_future(module: &Mod, source: &str) -> Result<FutureFeatures, SyntaxError> {
    let mut features = FutureFeatures::default();
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        Mod::Expression { .. } | Mod::FunctionType { .. } => return Ok(features),
    };
    // The docstring may precede the future statements.
    let start = usize::from(has_docstring(body));
    let mut done = false;
    let mut prev_line = 0;
    for stmt in body.iter().skip(start) {
        if done && stmt.loc.lineno > prev_line {
            break;
        }
        prev_line = stmt.loc.lineno;
        match &stmt.node {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                ..
            } if m == "__future__" => {
                if done {
                    // future.c: PyErr_SyntaxLocationObject(filename,
                    // s->lineno, s->col_offset) -- no "+ 1" here.
                    let span = point_span(stmt, stmt.loc.col_offset);
                    let msg = "from __future__ imports must occur at the beginning of the file";
                    return Err(syntax_error(source, msg.to_string(), span));
                }
                for alias in names {
                    check_feature(&mut features, &alias.name, stmt, source)?;
                }
                features.lineno = Some(stmt.loc.lineno);
            }
            _ => done = true,
        }
    }
    Ok(features)
}

/// Records one imported feature, or raises future.c's error for it.
fn check_feature(
    features: &mut FutureFeatures,
    name: &str,
    stmt: &Stmt,
    source: &str,
) -> Result<(), SyntaxError> {
    match name {
        "annotations" => features.annotations = true,
        "barry_as_FLUFL" => features.barry_as_flufl = true,
        _ if ACCEPTED_FEATURES.contains(&name) => {}
        _ => {
            let msg = if name == "braces" {
                "not a chance".to_string()
            } else {
                // UNDEFINED_FUTURE_FEATURE formats the name with "%.100s":
                // at most 100 bytes of its UTF-8, a cut character replaced.
                let bytes = name.as_bytes();
                let cut = &bytes[..bytes.len().min(100)];
                format!(
                    "future feature {} is not defined",
                    String::from_utf8_lossy(cut)
                )
            };
            let span = point_span(stmt, stmt.loc.col_offset.saturating_add(1));
            return Err(syntax_error(source, msg, span));
        }
    }
    Ok(())
}

/// The location `PyErr_SyntaxLocationObject` gives: a line and an offset,
/// `end_lineno` the same line, no `end_offset`.
fn point_span(stmt: &Stmt, offset: u32) -> ErrorSpan {
    ErrorSpan {
        lineno: stmt.loc.lineno,
        offset,
        end_lineno: stmt.loc.lineno,
        end_offset: 0,
    }
}

/// Whether `body` starts with a docstring (CPython's `_PyAST_GetDocString`:
/// an expression statement that is a `str` constant).
pub fn has_docstring(body: &[Stmt]) -> bool {
    let Some(first) = body.first() else {
        return false;
    };
    match &first.node {
        StmtKind::Expr { value } => matches!(
            &value.node,
            ExprKind::Constant {
                value: Constant::Str(_) | Constant::WideStr(_),
                ..
            }
        ),
        _ => false,
    }
}
