//! No input makes kaa-num panic: random text (from an alphabet of the
//! characters the parsers care about) through every parser and formatter.

use kaa_num::*;
use num_bigint::BigInt;

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn text(&mut self, alphabet: &[&str], max: usize) -> String {
        let n = self.below(max + 1);
        (0..n)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}

const ALPHABET: &[&str] = &[
    "0",
    "1",
    "9",
    "_",
    " ",
    "+",
    "-",
    ".",
    "e",
    "E",
    "x",
    "X",
    "o",
    "b",
    "p",
    "j",
    "J",
    "(",
    ")",
    "%",
    "*",
    "#",
    "<",
    ">",
    "=",
    "^",
    ",",
    "z",
    "c",
    "d",
    "f",
    "g",
    "n",
    "s",
    "r",
    "a",
    "inf",
    "nan",
    "\u{0663}",
    "\u{2003}",
    "\u{1c}",
    "\0",
    "\u{e9}",
    "\u{1d7d9}",
    "99999999999",
    "2147483648",
    "l",
    "h",
];

#[test]
fn random_inputs_never_panic() {
    let mut r = Lcg(0x5eed);
    let ints = [
        BigInt::from(0),
        BigInt::from(-7),
        BigInt::from(0x10ffff),
        BigInt::from(i64::MIN),
        BigInt::from(1) << 200u32,
    ];
    let floats = [0.0, -0.0, 1.5, -1e300, f64::INFINITY, f64::NAN, 5e-324];
    for _ in 0..20000 {
        let s = r.text(ALPHABET, 8);
        let base = [0, 2, 10, 16, 36, 1, 37, -5, i64::MAX][r.below(9)];
        let _ = parse_int(&s, base, DEFAULT_MAX_STR_DIGITS);
        let _ = parse_int_bytes(s.as_bytes(), base, 0);
        let _ = parse_float(&s);
        let _ = parse_complex(&s);
        let _ = float_fromhex(&s);
        let i = &ints[r.below(ints.len())];
        let x = floats[r.below(floats.len())];
        let spec = r.text(ALPHABET, 5);
        if spec.contains("99999999999") || spec.contains("2147483648") {
            // Valid huge widths would allocate gigabytes; their errors are
            // covered by the generated tables.
            continue;
        }
        let _ = format_int(&spec, i, "int", DEFAULT_MAX_STR_DIGITS);
        let _ = format_float(&spec, x, "float");
        let _ = format_complex(&spec, x, -x, "complex");
        let _ = format_str(&spec, &s, "str");
        let fmt: Vec<char> = s.chars().collect();
        for seg in PercentParser::new(&fmt) {
            let Ok(Segment::Spec(mut spec)) = seg else {
                continue;
            };
            spec.set_star_width(r.below(20) as i64 - 10);
            spec.set_star_precision(r.below(20) as i64 - 3);
            if spec.check_conversion().is_ok() {
                let _ = format_percent_int(&spec, i, DEFAULT_MAX_STR_DIGITS);
                let _ = format_percent_float(&spec, x);
                let _ = pad_percent_str(&spec, &s);
            }
        }
        let _ = round_float(x, base);
        let _ = round_int(i, base.saturating_neg());
        let _ = int_pow(i, &BigInt::from(r.below(5) as i64 - 2));
        let _ = int_pow_mod(i, &BigInt::from(r.below(5) as i64 - 2), &ints[r.below(3)]);
        let _ = complex_pow((x, 1.0), (-x, 0.5));
    }
}
