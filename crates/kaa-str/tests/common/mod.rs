//! Reader for the case files tools/gen_str_tests.py writes from CPython 3.11.
#![allow(dead_code)]

use kaa_str::{Str, StrError};

/// One encoded value of a case file.
#[derive(Clone, Debug, PartialEq)]
pub enum V {
    /// A str.
    S(Str),
    /// bytes.
    Y(Vec<u8>),
    /// An int.
    I(i64),
    /// None.
    N,
    /// A bool.
    B(bool),
    /// A list.
    L(Vec<V>),
    /// A tuple.
    T(Vec<V>),
    /// An exception: class name and message.
    E(String, String),
    /// A Unicode{En,De}codeError: class, encoding, start, end, reason, message.
    U(String, String, usize, usize, String, String),
}

fn parse_str(hex: &str) -> Str {
    let cps: Vec<u32> = hex
        .split('.')
        .filter(|p| !p.is_empty())
        .map(|p| u32::from_str_radix(p, 16).expect("hex code point"))
        .collect();
    Str::from_code_points(&cps)
}

fn parse_items(body: &str) -> Vec<V> {
    if body.is_empty() {
        return Vec::new();
    }
    body.split(',').map(parse).collect()
}

/// Decodes one field.
pub fn parse(field: &str) -> V {
    if field == "n" {
        return V::N;
    }
    let (tag, body) = field.split_once(':').expect("tagged field");
    match tag {
        "s" => V::S(parse_str(body)),
        "y" => V::Y(
            (0..body.len() / 2)
                .map(|i| u8::from_str_radix(&body[2 * i..2 * i + 2], 16).expect("hex byte"))
                .collect(),
        ),
        "i" => V::I(body.parse().expect("int")),
        "b" => V::B(body == "1"),
        "l" => V::L(parse_items(body)),
        "t" => V::T(parse_items(body)),
        "e" => {
            let (class, msg) = body.split_once(':').expect("class:msg");
            V::E(class.to_string(), text(&parse(msg)))
        }
        "ue" => {
            let parts: Vec<&str> = body.splitn(5, ':').collect();
            let (reason, msg) = parts[4].split_at(parts[4].find(":s:").expect("reason:msg"));
            V::U(
                parts[0].to_string(),
                parts[1].to_string(),
                parts[2].parse().expect("start"),
                parts[3].parse().expect("end"),
                text(&parse(reason)),
                text(&parse(&msg[1..])),
            )
        }
        _ => panic!("unknown tag {tag}"),
    }
}

/// The Rust text of a str value (lossy for surrogates).
pub fn text(v: &V) -> String {
    match v {
        V::S(s) => s.to_utf8_lossy().into_owned(),
        _ => panic!("not a str: {v:?}"),
    }
}

/// The Str of a str value.
pub fn s(v: &V) -> Str {
    match v {
        V::S(s) => s.clone(),
        _ => panic!("not a str: {v:?}"),
    }
}

/// The int of an int value.
pub fn i(v: &V) -> i64 {
    match v {
        V::I(i) => *i,
        _ => panic!("not an int: {v:?}"),
    }
}

/// An optional int (None or int).
pub fn oi(v: &V) -> Option<isize> {
    match v {
        V::N => None,
        V::I(i) => Some(*i as isize),
        _ => panic!("not an int or None: {v:?}"),
    }
}

/// One case: method name, arguments, expected result.
pub struct Case {
    /// Line number in the file (for messages).
    pub line: usize,
    /// The method.
    pub method: String,
    /// Its arguments (the receiver first for methods).
    pub args: Vec<V>,
    /// What CPython returned or raised.
    pub want: V,
}

/// Reads a case file from tests/data.
pub fn cases(name: &str) -> Vec<Case> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("case file");
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let arrow = fields.iter().position(|f| *f == "=>").expect("=>");
        out.push(Case {
            line: n + 1,
            method: fields[0].to_string(),
            args: fields[1..arrow].iter().map(|f| parse(f)).collect(),
            want: parse(fields[arrow + 1]),
        });
    }
    out
}

/// Encodes a kaa result the way the case files do, for comparison.
pub fn err(e: &StrError) -> V {
    match e {
        StrError::UnicodeEncode(u) => V::U(
            "UnicodeEncodeError".into(),
            u.encoding.clone(),
            u.start,
            u.end,
            u.reason.clone(),
            e.message(),
        ),
        StrError::UnicodeDecode(u) => V::U(
            "UnicodeDecodeError".into(),
            u.encoding.clone(),
            u.start,
            u.end,
            u.reason.clone(),
            e.message(),
        ),
        _ => V::E(e.class_name().to_string(), e.message()),
    }
}

/// A str result or its error.
pub fn rs(r: Result<Str, StrError>) -> V {
    match r {
        Ok(s) => V::S(s),
        Err(e) => err(&e),
    }
}

/// Runs every case of `file` through `run`, reporting all mismatches at once.
pub fn check(file: &str, mut run: impl FnMut(&Case) -> Option<V>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases(file) {
        if let Some(got) = run(&case) {
            checked += 1;
            if got != case.want {
                failures.push(format!(
                    "{file}:{} {}({:?}): want {:?}, got {:?}",
                    case.line, case.method, case.args, case.want, got
                ));
            }
        }
    }
    assert!(checked > 0, "{file}: no case checked");
    if !failures.is_empty() {
        let n = failures.len();
        failures.truncate(30);
        panic!("{n} failures of {checked}:\n{}", failures.join("\n"));
    }
}
