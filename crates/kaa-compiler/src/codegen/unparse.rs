//! Expressions back to source text, as CPython 3.11's
//! Python/ast_unparse.c writes them for `from __future__ import
//! annotations` (string annotations).

use kaa_parser::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Expr, ExprKind, Operator, UnaryOp,
};
use kaa_parser::constant::Constant;

/// Operator precedences (`PR_*`).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The source text of `e` (`_PyAST_ExprAsUnicode`); None only for
/// nesting deeper than kaa follows (the parser's limits come first).
pub(crate) fn unparse(e: &Expr) -> Option<String> {
    let mut out = String::new();
    write(&mut out, e, PR_TEST, 0)?;
    Some(out)
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::Float(f) if f.is_infinite() => {
            out.push_str(if *f > 0.0 { "1e309" } else { "-1e309" })
        }
        Constant::Complex { real, imag } if real.is_infinite() || imag.is_infinite() => {
            out.push_str(&c.repr().replace("inf", "1e309"))
        }
        Constant::Ellipsis => out.push_str("..."),
        _ => out.push_str(&c.repr()),
    }
}

fn binop_info(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => ("+", PR_ARITH),
        Operator::Sub => ("-", PR_ARITH),
        Operator::Mult => ("*", PR_TERM),
        Operator::MatMult => ("@", PR_TERM),
        Operator::Div => ("/", PR_TERM),
        Operator::Mod => ("%", PR_TERM),
        Operator::LShift => ("<<", PR_SHIFT),
        Operator::RShift => (">>", PR_SHIFT),
        Operator::BitOr => ("|", PR_BOR),
        Operator::BitXor => ("^", PR_BXOR),
        Operator::BitAnd => ("&", PR_BAND),
        Operator::FloorDiv => ("//", PR_TERM),
        Operator::Pow => ("**", PR_POWER),
    }
}

fn cmp_str(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn seq(out: &mut String, elts: &[Expr], depth: u32) -> Option<()> {
    for (i, el) in elts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(out, el, PR_TEST, depth)?;
    }
    Some(())
}

fn write(out: &mut String, e: &Expr, level: u8, depth: u32) -> Option<()> {
    if depth > 200 {
        return None;
    }
    let d = depth + 1;
    let paren = |out: &mut String, p: u8, open: bool| {
        if level > p {
            out.push(if open { '(' } else { ')' });
        }
    };
    match &e.node {
        ExprKind::Constant { value, kind } => {
            if !matches!(value, Constant::Ellipsis) {
                out.push_str(kind.as_deref().unwrap_or(""));
            }
            constant(out, value)
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Attribute { value, attr, .. } => {
            write(out, value, PR_ATOM, d)?;
            if let ExprKind::Constant {
                value: Constant::Int(_) | Constant::BigInt(_),
                ..
            } = &value.node
            {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            write(out, value, PR_ATOM, d)?;
            out.push('[');
            match &slice.node {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    seq(out, elts, d)?;
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => write(out, slice, PR_TUPLE, d)?,
            }
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                write(out, l, PR_TEST, d)?;
            }
            out.push(':');
            if let Some(u) = upper {
                write(out, u, PR_TEST, d)?;
            }
            if let Some(s) = step {
                out.push(':');
                write(out, s, PR_TEST, d)?;
            }
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                paren(out, PR_TUPLE, true);
                seq(out, elts, d)?;
                if elts.len() == 1 {
                    out.push(',');
                }
                paren(out, PR_TUPLE, false);
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            seq(out, elts, d)?;
            out.push(']');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                seq(out, elts, d)?;
                out.push('}');
            }
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        write(out, k, PR_TEST, d)?;
                        out.push_str(": ");
                        write(out, v, PR_TEST, d)?;
                    }
                    None => {
                        out.push_str("**");
                        write(out, v, PR_BOR, d)?;
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            write(out, value, PR_BOR, d)?;
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr) = binop_info(*op);
            let rassoc = *op == Operator::Pow;
            paren(out, pr, true);
            write(out, left, if rassoc { pr + 1 } else { pr }, d)?;
            out.push(' ');
            out.push_str(s);
            out.push(' ');
            write(out, right, if rassoc { pr } else { pr + 1 }, d)?;
            paren(out, pr, false);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren(out, pr, true);
            out.push_str(s);
            write(out, operand, pr, d)?;
            paren(out, pr, false);
        }
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            paren(out, pr, true);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                write(out, v, pr + 1, d)?;
            }
            paren(out, pr, false);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            paren(out, PR_CMP, true);
            write(out, left, PR_CMP + 1, d)?;
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmp_str(*op));
                write(out, c, PR_CMP + 1, d)?;
            }
            paren(out, PR_CMP, false);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            write(out, func, PR_ATOM, d)?;
            // A lone generator expression argument gives its own parentheses.
            if let ([arg], []) = (args.as_slice(), keywords.as_slice()) {
                if let ExprKind::GeneratorExp { elt, generators } = &arg.node {
                    return comprehension(out, "(", elt, None, generators, ")", d);
                }
            }
            out.push('(');
            let mut first = true;
            for a in args {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                write(out, a, PR_TEST, d)?;
            }
            for k in keywords {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write(out, &k.value, PR_TEST, d)?;
            }
            out.push(')');
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren(out, PR_TEST, true);
            write(out, body, PR_TEST + 1, d)?;
            out.push_str(" if ");
            write(out, test, PR_TEST + 1, d)?;
            out.push_str(" else ");
            write(out, orelse, PR_TEST, d)?;
            paren(out, PR_TEST, false);
        }
        ExprKind::Await { value } => {
            paren(out, PR_AWAIT, true);
            out.push_str("await ");
            write(out, value, PR_ATOM, d)?;
            paren(out, PR_AWAIT, false);
        }
        ExprKind::Lambda { args, body } => {
            paren(out, PR_TEST, true);
            let positional = args.posonlyargs.len() + args.args.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(out, args, d)?;
            out.push_str(": ");
            write(out, body, PR_TEST, d)?;
            paren(out, PR_TEST, false);
        }
        ExprKind::NamedExpr { target, value } => {
            paren(out, PR_TUPLE, true);
            write(out, target, PR_ATOM, d)?;
            out.push_str(" := ");
            write(out, value, PR_ATOM, d)?;
            paren(out, PR_TUPLE, false);
        }
        ExprKind::GeneratorExp { elt, generators } => {
            comprehension(out, "(", elt, None, generators, ")", d)?
        }
        ExprKind::ListComp { elt, generators } => {
            comprehension(out, "[", elt, None, generators, "]", d)?
        }
        ExprKind::SetComp { elt, generators } => {
            comprehension(out, "{", elt, None, generators, "}", d)?
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => comprehension(out, "{", key, Some(value), generators, "}", d)?,
        ExprKind::Yield { value } => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                write(out, v, PR_TEST, d)?;
                out.push(')');
            }
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            write(out, value, PR_TEST, d)?;
            out.push(')');
        }
        ExprKind::JoinedStr { values } => {
            let mut body = Vec::new();
            fstring_body(&mut body, values, d)?;
            out.push('f');
            out.push_str(&kaa_repr::repr_code_points(&body));
        }
        ExprKind::FormattedValue { .. } => {
            let mut body = Vec::new();
            fstring_element(&mut body, e, d)?;
            out.extend(body.iter().filter_map(|&c| char::from_u32(c)));
        }
    }
    Some(())
}

/// `append_ast_args`: a lambda's parameters.
fn arguments(out: &mut String, args: &Arguments, d: u32) -> Option<()> {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
    };
    let npos = args.posonlyargs.len();
    let positional: Vec<&Arg> = args.posonlyargs.iter().chain(&args.args).collect();
    let first_default = positional.len() as isize - args.defaults.len() as isize;
    for (i, a) in positional.iter().enumerate() {
        sep(out);
        arg(out, a, d)?;
        let di = i as isize - first_default;
        if let Some(default) = usize::try_from(di)
            .ok()
            .and_then(|di| args.defaults.get(di))
        {
            out.push('=');
            write(out, default, PR_TEST, d)?;
        }
        if npos > 0 && i + 1 == npos {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
        if let Some(v) = &args.vararg {
            arg(out, v, d)?;
        }
    }
    let first_kw_default = args.kwonlyargs.len() as isize - args.kw_defaults.len() as isize;
    for (i, a) in args.kwonlyargs.iter().enumerate() {
        sep(out);
        arg(out, a, d)?;
        let di = i as isize - first_kw_default;
        if let Some(Some(default)) = usize::try_from(di)
            .ok()
            .and_then(|di| args.kw_defaults.get(di))
        {
            out.push('=');
            write(out, default, PR_TEST, d)?;
        }
    }
    if let Some(k) = &args.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, k, d)?;
    }
    Some(())
}

/// `append_ast_arg`: a parameter (lambda parameters have no annotation).
fn arg(out: &mut String, a: &Arg, d: u32) -> Option<()> {
    out.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        write(out, ann, PR_TEST, d)?;
    }
    Some(())
}

/// A comprehension between `open` and `close` (`append_ast_genexp`,
/// `_listcomp`, `_setcomp`, `_dictcomp`).
fn comprehension(
    out: &mut String,
    open: &str,
    elt: &Expr,
    value: Option<&Expr>,
    generators: &[Comprehension],
    close: &str,
    d: u32,
) -> Option<()> {
    out.push_str(open);
    write(out, elt, PR_TEST, d)?;
    if let Some(v) = value {
        out.push_str(": ");
        write(out, v, PR_TEST, d)?;
    }
    for gen in generators {
        out.push_str(if gen.is_async != 0 {
            " async for "
        } else {
            " for "
        });
        write(out, &gen.target, PR_TUPLE, d)?;
        out.push_str(" in ");
        write(out, &gen.iter, PR_TEST + 1, d)?;
        for cond in &gen.ifs {
            out.push_str(" if ");
            write(out, cond, PR_TEST + 1, d)?;
        }
    }
    out.push_str(close);
    Some(())
}

/// `build_fstring_body`: an f-string's parts as code points, literal
/// braces doubled.
fn fstring_body(body: &mut Vec<u32>, values: &[Expr], d: u32) -> Option<()> {
    for v in values {
        fstring_element(body, v, d)?;
    }
    Some(())
}

/// `append_fstring_element`.
fn fstring_element(body: &mut Vec<u32>, e: &Expr, d: u32) -> Option<()> {
    if d > 200 {
        return None;
    }
    match &e.node {
        ExprKind::Constant { value, .. } => {
            let cps: Vec<u32> = match value {
                Constant::Str(s) => s.chars().map(u32::from).collect(),
                Constant::WideStr(cps) => cps.clone(),
                _ => return None,
            };
            for c in cps {
                body.push(c);
                if c == u32::from('{') || c == u32::from('}') {
                    body.push(c);
                }
            }
        }
        // A format spec's nested f-string is written bare.
        ExprKind::JoinedStr { values } => fstring_body(body, values, d + 1)?,
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            // `append_formattedvalue`: above PR_TEST so a lambda's `:` is
            // parenthesised; a leading brace gets a space.
            let mut text = String::new();
            write(&mut text, value, PR_TEST + 1, d + 1)?;
            body.push(u32::from('{'));
            if text.starts_with('{') {
                body.push(u32::from(' '));
            }
            body.extend(text.chars().map(u32::from));
            if let Ok(c @ (b'a' | b'r' | b's')) = u8::try_from(*conversion) {
                body.push(u32::from('!'));
                body.push(u32::from(c));
            }
            if let Some(spec) = format_spec {
                body.push(u32::from(':'));
                fstring_element(body, spec, d + 1)?;
            }
            body.push(u32::from('}'));
        }
        _ => return None,
    }
    Some(())
}
