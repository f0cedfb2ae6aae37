//! Checks kaa-num against the tables tools/gen_num_tests.py made with
//! python3 (crates/kaa-num/tests/data/*.txt): each line is an input and
//! CPython's result (`ok ...` or `err ExceptionName message`).

use kaa_num::*;
use num_bigint::BigInt;
use num_traits::Num;

/// Decodes a field escaped by the generator (`\\`, `\u{hex}`) into code points.
fn unesc(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c as u32);
            continue;
        }
        match it.next() {
            Some('\\') => out.push('\\' as u32),
            Some('u') => {
                it.next();
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                out.push(u32::from_str_radix(&hex, 16).expect("hex escape"));
            }
            other => panic!("bad escape {other:?}"),
        }
    }
    out
}

/// Escapes a result as the generator does.
fn esc(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c == '\\' {
            out.push_str("\\\\");
        } else if (' '..='~').contains(&c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    out
}

/// The field as a Rust string (None if it holds a lone surrogate).
fn text(s: &str) -> Option<String> {
    unesc(s).into_iter().map(char::from_u32).collect()
}

fn bits(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).expect("float bits"))
}

fn fb(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

fn big(s: &str) -> BigInt {
    match s.strip_prefix('h') {
        Some(h) => BigInt::from_str_radix(h, 16).expect("hex int"),
        None => s.parse().expect("int"),
    }
}

fn show(i: &Int) -> String {
    let v = i.to_bigint();
    if v.bits() > 13000 {
        format!("h{}", v.to_str_radix(16))
    } else {
        v.to_string()
    }
}

/// An error as the table writes it.
fn err(e: NumError) -> Vec<String> {
    vec!["err".into(), e.exception_name().into(), esc(e.message())]
}

fn ok(v: Vec<String>) -> Vec<String> {
    let mut out = vec!["ok".to_string()];
    out.extend(v);
    out
}

fn res<T>(r: Result<T, NumError>, f: impl FnOnce(T) -> Vec<String>) -> Vec<String> {
    match r {
        Ok(v) => ok(f(v)),
        Err(e) => err(e),
    }
}

/// Runs every line of a table: `nin` input fields go to `f`, whose answer is
/// compared with the rest. NaN bit patterns compare as "any NaN".
fn check(file: &str, nin: usize, f: impl Fn(&[&str]) -> Vec<String>) {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(&path).expect("table");
    let (mut n, mut bad) = (0, Vec::new());
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let nin = if nin > 0 {
            nin
        } else {
            fields
                .iter()
                .position(|&f| f == "ok" || f == "err")
                .unwrap_or(0)
        };
        let (input, want) = fields.split_at(nin);
        let got = f(input);
        n += 1;
        let same = got.len() == want.len()
            && got.iter().zip(want).all(|(g, w)| {
                g == w || (g.len() == 16 && w.len() == 16 && is_nan_bits(g) && is_nan_bits(w))
            });
        if !same {
            bad.push(format!("{input:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{file}: {} of {n} differ:\n{}",
        bad.len(),
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(n > 100, "{file}: only {n} cases");
}

fn is_nan_bits(s: &str) -> bool {
    u64::from_str_radix(s, 16).is_ok_and(|b| f64::from_bits(b).is_nan())
}

#[test]
fn int_parse() {
    check("int_parse.txt", 3, |i| {
        let base: i64 = i[2].parse().unwrap();
        let cps = unesc(i[1]);
        let r = if i[0] == "b" {
            let b: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
            parse_int_bytes(&b, base, DEFAULT_MAX_STR_DIGITS)
        } else {
            match text(i[1]) {
                Some(s) => parse_int(&s, base, DEFAULT_MAX_STR_DIGITS),
                None => parse_int_wide(&cps, base, DEFAULT_MAX_STR_DIGITS),
            }
        };
        res(r, |v| vec![show(&v)])
    });
}

#[test]
fn int_str_table() {
    check("int_str.txt", 1, |i| {
        let v = big(i[0]);
        res(int_to_decimal(&v, DEFAULT_MAX_STR_DIGITS), |s| {
            vec![
                s,
                int_to_radix(&v, 2, true),
                int_to_radix(&v, 8, true),
                int_to_radix(&v, 16, true),
            ]
        })
    });
}

#[test]
fn float_parse() {
    check("float_parse.txt", 2, |i| {
        let cps = unesc(i[1]);
        let r = if i[0] == "b" {
            let b: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
            parse_float_bytes(&b)
        } else {
            match text(i[1]) {
                Some(s) => parse_float(&s),
                None => parse_float_wide(&cps),
            }
        };
        res(r, |x| vec![fb(x)])
    });
}

#[test]
fn float_hex_and_fromhex() {
    check("float_hex.txt", 2, |i| {
        if i[0] == "hex" {
            ok(vec![float_hex(bits(i[1]))])
        } else {
            res(float_fromhex(&text(i[1]).unwrap()), |x| vec![fb(x)])
        }
    });
}

#[test]
fn format_int_table() {
    check("format_int.txt", 3, |i| {
        let spec = text(i[2]).unwrap();
        let name = if i[0] == "bool" { "bool" } else { "int" };
        if i[0] == "bool" && spec.is_empty() {
            return ok(vec!["True".into()]);
        }
        res(
            format_int(&spec, &big(i[1]), name, DEFAULT_MAX_STR_DIGITS),
            |s| vec![esc(&s)],
        )
    });
}

#[test]
fn format_float_table() {
    check("format_float.txt", 3, |i| {
        let spec = text(i[2]).unwrap();
        res(format_float(&spec, bits(i[1]), "float"), |s| vec![esc(&s)])
    });
}

#[test]
fn format_complex_table() {
    check("format_complex.txt", 4, |i| {
        let spec = text(i[3]).unwrap();
        res(
            format_complex(&spec, bits(i[1]), bits(i[2]), "complex"),
            |s| vec![esc(&s)],
        )
    });
}

#[test]
fn format_str_table() {
    check("format_str.txt", 3, |i| {
        let spec = text(i[2]).unwrap();
        res(format_str(&spec, &text(i[1]).unwrap(), "str"), |s| {
            vec![esc(&s)]
        })
    });
}

/// `fmt % (value,)` the way the VM is meant to drive the parser.
fn percent_one(kind: &str, fmt: &str, value: &str) -> Result<String, NumError> {
    percent_args(fmt, &[(kind, value)])
}

/// `fmt % args` (a tuple of (kind, value) pairs) the way the VM is meant
/// to drive the parser.
fn percent_args(fmt: &str, args: &[(&str, &str)]) -> Result<String, NumError> {
    let units: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut next = 0;
    let mut fetch = || {
        next += 1;
        args.get(next - 1)
            .copied()
            .ok_or_else(|| NumError::Type("not enough arguments for format string".into()))
    };
    for seg in PercentParser::new(&units) {
        let spec = match seg? {
            Segment::Literal(r) => {
                out.extend(&units[r]);
                continue;
            }
            Segment::Spec(spec) => spec,
        };
        if spec.key.is_some() {
            return Err(NumError::Type("format requires a mapping".into()));
        }
        let mut spec = spec;
        if spec.width_star() {
            spec.set_star_width(fetch()?.1.parse().unwrap());
        }
        if spec.precision_star() {
            spec.set_star_precision(fetch()?.1.parse().unwrap());
        }
        let (kind, value) = fetch()?;
        spec.check_conversion()?;
        let c = spec.conv;
        let piece = match (kind, c) {
            ("int", 'd' | 'i' | 'u' | 'o' | 'x' | 'X') => {
                format_percent_int(&spec, &big(value), DEFAULT_MAX_STR_DIGITS)?
            }
            ("float", 'd' | 'i' | 'u') => {
                let v = float_to_int(bits(value))?.to_bigint();
                format_percent_int(&spec, &v, DEFAULT_MAX_STR_DIGITS)?
            }
            ("float", 'o' | 'x' | 'X') => {
                return Err(NumError::Type(format!(
                    "%{c} format: an integer is required, not float"
                )))
            }
            ("float", _) => format_percent_float(&spec, bits(value))?,
            ("int", 'e' | 'E' | 'f' | 'F' | 'g' | 'G') => {
                format_percent_float(&spec, int_to_float(&big(value))?)?
            }
            ("int", 'c') => {
                let cp = percent_char(&big(value))?;
                pad_percent_str(
                    &spec,
                    &char::from_u32(cp).map(String::from).unwrap_or_default(),
                )?
            }
            ("int", _) => pad_percent_str(&spec, &big(value).to_string())?,
            (_, 'c') => {
                let s = text(value).unwrap();
                if s.chars().count() != 1 {
                    return Err(NumError::Type("%c requires int or char".into()));
                }
                pad_percent_str(&spec, &s)?
            }
            (_, 's') => pad_percent_str(&spec, &text(value).unwrap())?,
            (_, 'r') => pad_percent_str(&spec, &kaa_repr::repr_str(&text(value).unwrap()))?,
            (_, 'a') => {
                let r = kaa_repr::repr_str(&text(value).unwrap());
                let mut a = String::new();
                for ch in r.chars() {
                    match ch as u32 {
                        0..=0x7f => a.push(ch),
                        n @ 0x80..=0xff => a.push_str(&format!("\\x{n:02x}")),
                        n @ 0x100..=0xffff => a.push_str(&format!("\\u{n:04x}")),
                        n => a.push_str(&format!("\\U{n:08x}")),
                    }
                }
                pad_percent_str(&spec, &a)?
            }
            _ => unreachable!("{kind} {c}"),
        };
        out.push_str(&piece);
    }
    if next < args.len() {
        return Err(NumError::Type(
            "not all arguments converted during string formatting".into(),
        ));
    }
    Ok(out)
}

#[test]
fn percent_table() {
    check("percent.txt", 3, |i| {
        if i[0] == "parse" {
            // Format strings with a mapping argument {'a': 1}: only the
            // parse errors are compared.
            let units: Vec<char> = text(i[1]).unwrap().chars().collect();
            let e = PercentParser::new(&units).find_map(|s| s.err());
            return match e {
                Some(e) => err(e),
                None => vec!["no parse error".into()],
            };
        }
        let fmt = text(i[1]).unwrap();
        if i[0] == "ints" {
            let args: Vec<(&str, &str)> = i[2].split(',').map(|v| ("int", v)).collect();
            return res(percent_args(&fmt, &args), |s| vec![esc(&s)]);
        }
        res(percent_one(i[0], &fmt, i[2]), |s| vec![esc(&s)])
    });
}

#[test]
fn round_table() {
    check("round.txt", 3, |i| {
        if i[0] == "int" {
            let n: i64 = i[2].parse().unwrap();
            return ok(vec![show(&round_int(&big(i[1]), n))]);
        }
        let x = bits(i[1]);
        if i[2] == "None" {
            res(round_float_to_int(x), |v| vec![show(&v)])
        } else {
            res(round_float(x, i[2].parse().unwrap()), |v| vec![fb(v)])
        }
    });
}

#[test]
fn float_arith_table() {
    check("float_arith.txt", 3, |i| {
        let (a, b) = (bits(i[1]), bits(i[2]));
        match i[0] {
            "ffloordiv" => res(float_floordiv(a, b), |x| vec![fb(x)]),
            "fmod" => res(float_mod(a, b), |x| vec![fb(x)]),
            "fdivmod" => res(float_divmod(a, b), |(q, r)| vec![fb(q), fb(r)]),
            "fdiv" => res(float_div(a, b), |x| vec![fb(x)]),
            _ => res(float_pow(a, b), |p| match p {
                FloatPow::Float(x) => vec!["f".into(), fb(x)],
                FloatPow::Complex(re, im) => vec!["c".into(), fb(re), fb(im)],
            }),
        }
    });
}

#[test]
fn int_arith_table() {
    check("int_arith.txt", 0, |i| {
        let a = || big(i[1]);
        let b = || big(i[2]);
        let intv = |v: Int| vec![show(&v)];
        match i[0] {
            "truediv" => res(int_true_div(&a(), &b()), |x| vec![fb(x)]),
            "floordiv" => res(int_floordiv(&a(), &b()), intv),
            "mod" => res(int_mod(&a(), &b()), intv),
            "pow" => res(int_pow(&a(), &b()), |p| match p {
                IntPow::Int(v) => vec!["i".into(), show(&v)],
                IntPow::Float(x) => vec!["f".into(), fb(x)],
            }),
            "powmod" => res(int_pow_mod(&a(), &b(), &big(i[3])), intv),
            "lshift" => res(int_lshift(&a(), &b()), intv),
            "rshift" => res(int_rshift(&a(), &b()), intv),
            "bits" => ok(vec![
                bit_length(&a()).to_string(),
                bit_count(&a()).to_string(),
            ]),
            "tobytes" => {
                let little = parse_byteorder(i[3]).unwrap();
                let n: i64 = i[2].parse().unwrap();
                res(int_to_bytes(&a(), n, little, i[4] == "True"), |v| {
                    vec![v.iter().map(|b| format!("{b:02x}")).collect()]
                })
            }
            "frombytes" => {
                let hex = if i[1] == "-" { "" } else { i[1] };
                let bytes: Vec<u8> = (0..hex.len() / 2)
                    .map(|k| u8::from_str_radix(&hex[2 * k..2 * k + 2], 16).unwrap())
                    .collect();
                let little = parse_byteorder(i[2]).unwrap();
                ok(intv(int_from_bytes(&bytes, little, i[3] == "True")))
            }
            "ratio" => {
                let x = bits(i[1]);
                res(as_integer_ratio(x), |(n, d)| {
                    let t = if is_integer(x) { "True" } else { "False" };
                    vec![show(&n), show(&d), t.into()]
                })
            }
            "toint" => res(float_to_int(bits(i[1])), intv),
            "tofloat" => res(int_to_float(&a()), |x| vec![fb(x)]),
            op => panic!("unknown op {op}"),
        }
    });
}

#[test]
fn complex_table() {
    check("complex.txt", 5, |i| {
        if i[0] == "parse" {
            return res(parse_complex(&text(i[1]).unwrap()), |z| {
                vec![fb(z.0), fb(z.1)]
            });
        }
        let a = (bits(i[1]), bits(i[2]));
        let b = (bits(i[3]), bits(i[4]));
        match i[0] {
            "div" => res(complex_div(a, b), |z| vec![fb(z.0), fb(z.1)]),
            "pow" => res(complex_pow(a, b), |z| vec![fb(z.0), fb(z.1)]),
            "abs" => res(complex_abs(a), |x| vec![fb(x)]),
            op => panic!("unknown op {op}"),
        }
    });
}
