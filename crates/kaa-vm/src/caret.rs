//! The special anchors of 3.11's traceback markers
//! (`_extract_caret_anchors_from_line_segment`): for a binary operation the
//! operator is marked with `^` and its operands with `~`; for a subscript
//! the `[...]` part. kaa finds them with a small scanner over the segment
//! instead of Python's `ast` module.

/// A token of the segment: kind and char range.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Operand,
    Op(u8),
    Open(char),
    Close(char),
}

/// Binary operators by precedence (low to high), as the grammar nests them.
const OPS: &[(&str, u8)] = &[
    ("|", 1),
    ("^", 2),
    ("&", 3),
    ("<<", 4),
    (">>", 4),
    ("+", 5),
    ("-", 5),
    ("*", 6),
    ("/", 6),
    ("//", 6),
    ("%", 6),
    ("@", 6),
    ("**", 8),
];

/// (left_end, right_start) in chars within the segment, or None.
pub fn anchors(seg: &str) -> Option<(usize, usize)> {
    let cs: Vec<char> = seg.chars().collect();
    let mut toks: Vec<(Tok, usize, usize)> = Vec::new();
    let mut i = 0;
    let mut nest = 0i32;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() || c == '\\' {
            i += 1;
            continue;
        }
        if c == '#' {
            break;
        }
        if c == '\'' || c == '"' {
            let q = c;
            let st = i;
            i += 1;
            while i < cs.len() && cs[i] != q {
                if cs[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            toks.push((Tok::Operand, st, i.min(cs.len())));
            continue;
        }
        if c.is_alphanumeric()
            || c == '_'
            || c == '.' && cs.get(i + 1).is_some_and(|d| d.is_ascii_digit())
        {
            let st = i;
            while i < cs.len() && (cs[i].is_alphanumeric() || cs[i] == '_' || cs[i] == '.') {
                i += 1;
            }
            let word: String = cs[st..i].iter().collect();
            if matches!(
                word.as_str(),
                "and" | "or" | "not" | "in" | "is" | "if" | "else" | "lambda" | "for" | "await"
            ) {
                return None;
            }
            if i < cs.len() && matches!(cs[i], '\'' | '"') {
                continue;
            }
            toks.push((Tok::Operand, st, i));
            continue;
        }
        if matches!(c, '(' | '[' | '{') {
            nest += 1;
            toks.push((Tok::Open(c), i, i + 1));
            i += 1;
            continue;
        }
        if matches!(c, ')' | ']' | '}') {
            nest -= 1;
            toks.push((Tok::Close(c), i, i + 1));
            i += 1;
            continue;
        }
        if c == '.' {
            toks.push((Tok::Op(100), i, i + 1));
            i += 1;
            continue;
        }
        let two: String = cs[i..(i + 2).min(cs.len())].iter().collect();
        if let Some((s, p)) = OPS
            .iter()
            .find(|(s, _)| *s == two.as_str())
            .or_else(|| OPS.iter().find(|(s, _)| s.len() == 1 && s.starts_with(c)))
        {
            if cs.get(i + s.len()) == Some(&'=') || (c == '*' && two == "**" && s.len() == 1) {
                return None;
            }
            toks.push((Tok::Op(*p), i, i + s.len()));
            i += s.len();
            continue;
        }
        // Inside brackets anything goes; at the top, comparisons,
        // assignments, commas...: not an anchored expression.
        if nest > 0 {
            toks.push((Tok::Operand, i, i + 1));
            i += 1;
            continue;
        }
        return None;
    }
    // Top-level tokens.
    let mut depth = 0i32;
    let mut top_ops: Vec<(usize, u8, usize, usize)> = Vec::new();
    let mut prev_is_operand = false;
    let mut last_open_top: Option<(char, usize)> = None;
    for (k, &(t, st, en)) in toks.iter().enumerate() {
        match t {
            Tok::Open(c) => {
                if depth == 0 {
                    last_open_top = Some((c, st));
                }
                depth += 1;
                if depth == 1 {
                    prev_is_operand = false;
                }
            }
            Tok::Close(_) => {
                depth -= 1;
                if depth == 0 {
                    prev_is_operand = true;
                }
            }
            Tok::Operand => {
                if depth == 0 {
                    prev_is_operand = true;
                }
            }
            Tok::Op(100) => {
                if depth == 0 {
                    prev_is_operand = false;
                }
            }
            Tok::Op(p) => {
                if depth == 0 {
                    if prev_is_operand {
                        top_ops.push((k, p, st, en));
                    }
                    prev_is_operand = false;
                }
            }
        }
    }
    if depth != 0 {
        return None;
    }
    if !top_ops.is_empty() {
        let minp = top_ops.iter().map(|o| o.1).min()?;
        let cands: Vec<&(usize, u8, usize, usize)> =
            top_ops.iter().filter(|o| o.1 == minp).collect();
        let op = if minp == 8 {
            cands.first()?
        } else {
            cands.last()?
        };
        return Some((op.2, op.3));
    }
    // A subscript: the segment ends with a top-level [...] after an operand.
    if let (Some(('[', st)), Some(&(Tok::Close(']'), _, en))) = (last_open_top, toks.last()) {
        if st > 0 && en == cs.len() {
            return Some((st, en));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::anchors;

    #[test]
    fn binary_and_subscript() {
        assert_eq!(anchors("1/0"), Some((1, 2)));
        assert_eq!(anchors("a + b * c"), Some((2, 3)));
        assert_eq!(anchors("x[5]"), Some((1, 4)));
        assert_eq!(anchors("f(x)"), None);
        assert_eq!(anchors("a ** b ** c"), Some((2, 4)));
        assert_eq!(anchors("{\"a\": 1}[key]"), Some((8, 13)));
        assert_eq!(anchors("a == b"), None);
    }
}
