//! Case methods and is*() predicates against CPython 3.11, on random strings
//! and (by checksum) on every code point.
mod common;
use common::*;
use kaa_str::{unicode, Str};

fn run_method(m: &str, st: &Str) -> V {
    match m {
        "lower" => V::S(st.lower()),
        "upper" => V::S(st.upper()),
        "casefold" => V::S(st.casefold()),
        "title" => V::S(st.title()),
        "capitalize" => V::S(st.capitalize()),
        "swapcase" => V::S(st.swapcase()),
        "isalnum" => V::B(st.isalnum()),
        "isalpha" => V::B(st.isalpha()),
        "isascii" => V::B(st.isascii()),
        "isdecimal" => V::B(st.isdecimal()),
        "isdigit" => V::B(st.isdigit()),
        "isidentifier" => V::B(st.isidentifier()),
        "islower" => V::B(st.islower()),
        "isnumeric" => V::B(st.isnumeric()),
        "isprintable" => V::B(st.isprintable()),
        "isspace" => V::B(st.isspace()),
        "istitle" => V::B(st.istitle()),
        "isupper" => V::B(st.isupper()),
        _ => panic!("unknown method {m}"),
    }
}

#[test]
fn case_methods_and_predicates_match_cpython() {
    check("case.txt", |c| Some(run_method(&c.method, &s(&c.args[0]))));
}

#[test]
fn every_code_point_matches_cpython() {
    check("exhaustive.txt", |c| {
        let start = i(&c.args[0]) as u32;
        let mut h: u64 = 0xcbf29ce484222325;
        let mut feed = |v: u32| h = (h ^ u64::from(v)).wrapping_mul(0x100000001b3);
        for cp in start..start + 0x1000 {
            if c.method == "decimal" {
                feed(unicode::decimal_value(cp).unwrap_or(99));
                continue;
            }
            match run_method(&c.method, &Str::from_char(cp)) {
                V::B(b) => feed(u32::from(b)),
                V::S(r) => {
                    r.code_points().for_each(&mut feed);
                    feed(0xFFFF_FFFF);
                }
                _ => unreachable!(),
            }
        }
        Some(V::I((h as i64).wrapping_add(i64::MIN)))
    });
}
