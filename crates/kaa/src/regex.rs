//! The part of Python's `re` that `compileall -x REGEXP` needs:
//! `re.compile(pattern).search(path)` as a yes/no answer. Supported:
//! literals and escapes, `.`, classes (`[a-z]`, `[^...]`, `\d\w\s` and
//! their negations), `^ $ \A \Z \b \B`, groups `(...)`/`(?:...)`, `|`,
//! and the quantifiers `* + ? {m,n}` (greedy or lazy). Other syntax
//! (backreferences, lookarounds, inline flags, named groups) is refused
//! with an error naming it.
//!
//! Patterns compile to a small backtracking program; the matcher records
//! every (instruction, position) state that failed, so a search takes at
//! most program size × text length steps and never recurses.

/// Most instructions a compiled pattern may have (counted repeats are
/// copied out).
const MAX_PROGRAM: usize = 20_000;

/// A compiled pattern.
#[derive(Clone, Debug)]
pub struct Regex {
    program: Vec<Inst>,
}

/// One character class item.
#[derive(Clone, Debug)]
enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Debug)]
enum Assert {
    Start,
    /// `$`: the end, or before a final newline.
    End,
    /// `\Z`.
    EndOnly,
    WordBoundary(bool),
}

#[derive(Clone, Debug)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(Vec<ClassItem>, bool),
    Assert(Assert),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    Any,
    Class(Vec<ClassItem>, bool),
    Assert(Assert),
    /// Try the first target, then the second.
    Split(usize, usize),
    Jmp(usize),
    Match,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl ClassItem {
    fn matches(&self, c: char) -> bool {
        match *self {
            ClassItem::Range(lo, hi) => lo <= c && c <= hi,
            ClassItem::Digit(yes) => c.is_numeric() == yes,
            ClassItem::Word(yes) => is_word(c) == yes,
            ClassItem::Space(yes) => c.is_whitespace() == yes,
        }
    }
}

/// The recursive-descent pattern parser (depth bounded by `MAX_DEPTH`).
struct PatternParser {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

/// Deepest group nesting accepted (CPython's own limit is higher, but its
/// parser is iterative in places kaa's is not).
const MAX_DEPTH: usize = 200;

impl PatternParser {
    fn error(&self, what: &str, at: usize) -> String {
        format!("re.error: {what} at position {at}")
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    /// alternative ('|' alternative)*
    fn parse_alt(&mut self) -> Result<Node, String> {
        let mut branches = vec![self.parse_concat()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.parse_concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    /// (atom quantifier?)*
    fn parse_concat(&mut self) -> Result<Node, String> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.parse_atom()?;
            let atom = self.parse_quantifier(atom)?;
            items.push(atom);
        }
        Ok(Node::Concat(items))
    }

    fn parse_quantifier(&mut self, atom: Node) -> Result<Node, String> {
        let at = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => match self.parse_braces() {
                Some(bounds) => bounds,
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        if self.pos == at {
            // One-character quantifiers (parse_braces moved past `{...}`).
            self.pos += 1;
        }
        if matches!(atom, Node::Assert(_) | Node::Empty) {
            return Err(self.error("nothing to repeat", at));
        }
        if let Some(max) = max {
            if max < min {
                return Err(self.error("min repeat greater than max repeat", at + 1));
            }
        }
        let greedy = if self.peek() == Some('?') {
            self.pos += 1;
            false
        } else {
            true
        };
        let next = self.pos;
        if matches!(self.peek(), Some('*' | '+' | '?'))
            || (self.peek() == Some('{') && self.clone_braces_ok())
        {
            return Err(self.error("multiple repeat", next));
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    /// Whether a valid `{m,n}` quantifier starts here.
    fn clone_braces_ok(&self) -> bool {
        let mut probe = PatternParser {
            chars: self.chars.clone(),
            pos: self.pos,
            depth: self.depth,
        };
        probe.parse_braces().is_some()
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}`; anything else is a literal `{`.
    fn parse_braces(&mut self) -> Option<(u32, Option<u32>)> {
        let rest: String = self.chars[self.pos..].iter().collect();
        let close = rest.find('}')?;
        let inner = &rest[1..close];
        let number = |s: &str| -> Option<Option<u32>> {
            if s.is_empty() {
                Some(None)
            } else if s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().ok().map(Some)
            } else {
                None
            }
        };
        let (min, max) = match inner.split_once(',') {
            Some((lo, hi)) => (number(lo)?.unwrap_or(0), number(hi)?),
            None => {
                let n = number(inner)??;
                (n, Some(n))
            }
        };
        self.pos += inner.chars().count() + 2;
        Some((min, max))
    }

    fn parse_atom(&mut self) -> Result<Node, String> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(Node::Empty);
        };
        self.pos += 1;
        match c {
            '.' => Ok(Node::Any),
            '^' => Ok(Node::Assert(Assert::Start)),
            '$' => Ok(Node::Assert(Assert::End)),
            '*' | '+' | '?' => Err(self.error("nothing to repeat", start)),
            '[' => self.parse_class(start),
            '(' => {
                if self.peek() == Some('?') {
                    if self.chars.get(self.pos + 1) == Some(&':') {
                        self.pos += 2;
                    } else {
                        return Err(format!(
                            "NotImplementedError: kaa's compileall -x does not support \
                             '(?' group extensions (position {start})"
                        ));
                    }
                }
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err("RecursionError: maximum recursion depth exceeded".to_string());
                }
                let inner = self.parse_alt()?;
                self.depth -= 1;
                if self.peek() != Some(')') {
                    return Err(self.error("missing ), unterminated subpattern", start));
                }
                self.pos += 1;
                Ok(inner)
            }
            ')' => Err(self.error("unbalanced parenthesis", start)),
            '\\' => self.parse_escape(start, false).map(|item| match item {
                Escape::Char(c) => Node::Char(c),
                Escape::Class(item) => Node::Class(vec![item], false),
                Escape::Assert(a) => Node::Assert(a),
            }),
            c => Ok(Node::Char(c)),
        }
    }

    /// After a `\`.
    fn parse_escape(&mut self, start: usize, in_class: bool) -> Result<Escape, String> {
        let Some(c) = self.peek() else {
            return Err(self.error("bad escape (end of pattern)", start));
        };
        self.pos += 1;
        Ok(match c {
            'd' => Escape::Class(ClassItem::Digit(true)),
            'D' => Escape::Class(ClassItem::Digit(false)),
            'w' => Escape::Class(ClassItem::Word(true)),
            'W' => Escape::Class(ClassItem::Word(false)),
            's' => Escape::Class(ClassItem::Space(true)),
            'S' => Escape::Class(ClassItem::Space(false)),
            'n' => Escape::Char('\n'),
            't' => Escape::Char('\t'),
            'r' => Escape::Char('\r'),
            'f' => Escape::Char('\x0c'),
            'v' => Escape::Char('\x0b'),
            'a' => Escape::Char('\x07'),
            'A' if !in_class => Escape::Assert(Assert::Start),
            'Z' if !in_class => Escape::Assert(Assert::EndOnly),
            'b' if !in_class => Escape::Assert(Assert::WordBoundary(true)),
            'B' if !in_class => Escape::Assert(Assert::WordBoundary(false)),
            'b' => Escape::Char('\x08'),
            c if c.is_ascii_alphanumeric() => {
                return Err(self.error(&format!("bad escape \\{c}"), start));
            }
            c => Escape::Char(c),
        })
    }

    /// After a `[`.
    fn parse_class(&mut self, start: usize) -> Result<Node, String> {
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut items = Vec::new();
        let first = self.pos;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("unterminated character set", start));
            };
            if c == ']' && self.pos > first {
                self.pos += 1;
                break;
            }
            let at = self.pos;
            self.pos += 1;
            let lo = if c == '\\' {
                match self.parse_escape(at, true)? {
                    Escape::Char(c) => c,
                    Escape::Class(item) => {
                        items.push(item);
                        continue;
                    }
                    Escape::Assert(_) => continue,
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&c| c != ']') {
                self.pos += 1;
                let hi_at = self.pos;
                let Some(h) = self.peek() else {
                    return Err(self.error("unterminated character set", start));
                };
                self.pos += 1;
                let hi = if h == '\\' {
                    match self.parse_escape(hi_at, true)? {
                        Escape::Char(c) => c,
                        _ => {
                            return Err(self.error("bad character range", at));
                        }
                    }
                } else {
                    h
                };
                if hi < lo {
                    return Err(self.error("bad character range", at));
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Node::Class(items, negated))
    }
}

enum Escape {
    Char(char),
    Class(ClassItem),
    Assert(Assert),
}

/// Emits the program for a node (iteratively over concatenations; nesting
/// depth is bounded by the parser).
fn emit(node: &Node, out: &mut Vec<Inst>) -> Result<(), String> {
    if out.len() > MAX_PROGRAM {
        return Err("OverflowError: regular expression is too large for kaa".to_string());
    }
    match node {
        Node::Empty => {}
        Node::Char(c) => out.push(Inst::Char(*c)),
        Node::Any => out.push(Inst::Any),
        Node::Class(items, negated) => out.push(Inst::Class(items.clone(), *negated)),
        Node::Assert(a) => out.push(Inst::Assert(a.clone())),
        Node::Concat(items) => {
            for item in items {
                emit(item, out)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    emit(branch, out)?;
                    jumps.push(out.len());
                    out.push(Inst::Jmp(0));
                    let next = out.len();
                    out[split] = Inst::Split(split + 1, next);
                } else {
                    emit(branch, out)?;
                }
            }
            let end = out.len();
            for j in jumps {
                out[j] = Inst::Jmp(end);
            }
        }
        Node::Repeat {
            node,
            min,
            max,
            greedy,
        } => {
            for _ in 0..*min {
                emit(node, out)?;
                if out.len() > MAX_PROGRAM {
                    return Err("OverflowError: regular expression is too large for kaa".into());
                }
            }
            let split = |body: usize, exit: usize| {
                if *greedy {
                    Inst::Split(body, exit)
                } else {
                    Inst::Split(exit, body)
                }
            };
            match max {
                None => {
                    let top = out.len();
                    out.push(Inst::Jmp(0));
                    emit(node, out)?;
                    out.push(Inst::Jmp(top));
                    let exit = out.len();
                    out[top] = split(top + 1, exit);
                }
                Some(max) => {
                    let mut holes = Vec::new();
                    for _ in *min..*max {
                        holes.push(out.len());
                        out.push(Inst::Jmp(0));
                        emit(node, out)?;
                        if out.len() > MAX_PROGRAM {
                            return Err(
                                "OverflowError: regular expression is too large for kaa".into()
                            );
                        }
                    }
                    let exit = out.len();
                    for h in holes {
                        out[h] = split(h + 1, exit);
                    }
                }
            }
        }
    }
    Ok(())
}

impl Regex {
    /// `re.compile(pattern)`; the error is the exception line CPython
    /// would end with (`re.error: ... at position N`).
    pub fn new(pattern: &str) -> Result<Regex, String> {
        let mut parser = PatternParser {
            chars: pattern.chars().collect(),
            pos: 0,
            depth: 0,
        };
        let node = parser.parse_alt()?;
        if parser.pos < parser.chars.len() {
            return Err(parser.error("unbalanced parenthesis", parser.pos));
        }
        let mut program = Vec::new();
        emit(&node, &mut program)?;
        program.push(Inst::Match);
        Ok(Regex { program })
    }

    /// `pattern.search(text) is not None`.
    pub fn search(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let width = chars.len() + 1;
        // States already explored (they failed): no captures, so a state's
        // outcome does not depend on how it was reached.
        let mut seen = vec![false; self.program.len() * width];
        let mut stack: Vec<(usize, usize)> = Vec::new();
        for start in 0..=chars.len() {
            stack.push((0, start));
            while let Some((pc, pos)) = stack.pop() {
                let Some(slot) = seen.get_mut(pc * width + pos) else {
                    continue;
                };
                if *slot {
                    continue;
                }
                *slot = true;
                let Some(inst) = self.program.get(pc) else {
                    continue;
                };
                let here = chars.get(pos).copied();
                match inst {
                    Inst::Match => return true,
                    Inst::Char(c) => {
                        if here == Some(*c) {
                            stack.push((pc + 1, pos + 1));
                        }
                    }
                    Inst::Any => {
                        if here.is_some_and(|c| c != '\n') {
                            stack.push((pc + 1, pos + 1));
                        }
                    }
                    Inst::Class(items, negated) => {
                        if let Some(c) = here {
                            if items.iter().any(|i| i.matches(c)) != *negated {
                                stack.push((pc + 1, pos + 1));
                            }
                        }
                    }
                    Inst::Assert(a) => {
                        let ok = match a {
                            Assert::Start => pos == 0,
                            Assert::EndOnly => pos == chars.len(),
                            Assert::End => {
                                pos == chars.len() || (pos + 1 == chars.len() && here == Some('\n'))
                            }
                            Assert::WordBoundary(yes) => {
                                let before =
                                    pos > 0 && chars.get(pos - 1).is_some_and(|&c| is_word(c));
                                let after = here.is_some_and(is_word);
                                (before != after) == *yes
                            }
                        };
                        if ok {
                            stack.push((pc + 1, pos));
                        }
                    }
                    Inst::Jmp(target) => stack.push((*target, pos)),
                    // Pushed second, popped first: the preferred branch.
                    Inst::Split(first, second) => {
                        stack.push((*second, pos));
                        stack.push((*first, pos));
                    }
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(p: &str, t: &str) -> bool {
        Regex::new(p).expect("pattern").search(t)
    }

    #[test]
    fn searches() {
        assert!(found("bad", "d/sub/bad.py"));
        assert!(found(r"sub/", "d/sub/bad.py"));
        assert!(!found(r"^sub", "d/sub/bad.py"));
        assert!(found(r"[/\\]test_[a-z]+\.py$", "lib/test_abc.py"));
        assert!(!found(r"\.py$", "x.pyc"));
        assert!(found("a|b", "xxb"));
        assert!(found("(ab)+c", "zababc"));
        assert!(found("a{2,3}", "caab"));
        assert!(!found("^a{2}$", "aaa"));
        assert!(found(r"\bsub\b", "d/sub/x"));
        assert!(found("(a*)*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaab"));
        assert!(!found("(a*)*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaac"));
    }

    #[test]
    fn errors() {
        assert_eq!(
            Regex::new("(ab").err().as_deref(),
            Some("re.error: missing ), unterminated subpattern at position 0")
        );
        assert_eq!(
            Regex::new("*a").err().as_deref(),
            Some("re.error: nothing to repeat at position 0")
        );
        assert_eq!(
            Regex::new("ab)").err().as_deref(),
            Some("re.error: unbalanced parenthesis at position 2")
        );
        assert_eq!(
            Regex::new("^*").err().as_deref(),
            Some("re.error: nothing to repeat at position 1")
        );
        assert_eq!(
            Regex::new("a{3,1}").err().as_deref(),
            Some("re.error: min repeat greater than max repeat at position 2")
        );
        assert_eq!(
            Regex::new("a**").err().as_deref(),
            Some("re.error: multiple repeat at position 2")
        );
        assert_eq!(
            Regex::new("[ab").err().as_deref(),
            Some("re.error: unterminated character set at position 0")
        );
    }
}
