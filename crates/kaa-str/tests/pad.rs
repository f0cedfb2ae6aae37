//! center/ljust/rjust/zfill/expandtabs/strip family/removeprefix/removesuffix
//! against CPython 3.11.
mod common;
use common::*;
use kaa_str::fill_char;

#[test]
fn pad_and_strip_methods_match_cpython() {
    check("pad.txt", |c| {
        let h = s(&c.args[0]);
        let opt = |v: &V| match v {
            V::N => None,
            v => Some(s(v)),
        };
        let width = || i(&c.args[1]) as isize;
        Some(match c.method.as_str() {
            m @ ("center" | "ljust" | "rjust") => {
                rs(fill_char(&s(&c.args[2])).and_then(|f| match m {
                    "center" => h.center(width(), f),
                    "ljust" => h.ljust(width(), f),
                    _ => h.rjust(width(), f),
                }))
            }
            "zfill" => rs(h.zfill(width())),
            "expandtabs" => rs(h.expandtabs(width())),
            "strip" => V::S(h.strip(opt(&c.args[1]).as_ref())),
            "lstrip" => V::S(h.lstrip(opt(&c.args[1]).as_ref())),
            "rstrip" => V::S(h.rstrip(opt(&c.args[1]).as_ref())),
            "removeprefix" => V::S(h.removeprefix(&s(&c.args[1]))),
            "removesuffix" => V::S(h.removesuffix(&s(&c.args[1]))),
            m => panic!("unknown method {m}"),
        })
    });
}
