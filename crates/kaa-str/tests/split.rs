//! split/rsplit/splitlines/partition/rpartition/join against CPython 3.11.
mod common;
use common::*;
use kaa_str::{Str, StrError};

fn list(r: Result<Vec<Str>, StrError>) -> V {
    match r {
        Ok(v) => V::L(v.into_iter().map(V::S).collect()),
        Err(e) => err(&e),
    }
}

fn triple(r: Result<(Str, Str, Str), StrError>) -> V {
    match r {
        Ok((a, b, c)) => V::T(vec![V::S(a), V::S(b), V::S(c)]),
        Err(e) => err(&e),
    }
}

#[test]
fn split_methods_match_cpython() {
    check("split.txt", |c| {
        let h = s(&c.args[0]);
        let opt = |v: &V| match v {
            V::N => None,
            v => Some(s(v)),
        };
        Some(match c.method.as_str() {
            "split" => list(h.split(opt(&c.args[1]).as_ref(), i(&c.args[2]) as isize)),
            "rsplit" => list(h.rsplit(opt(&c.args[1]).as_ref(), i(&c.args[2]) as isize)),
            "splitlines" => list(Ok(h.splitlines(c.args[1] == V::B(true)))),
            "partition" => triple(h.partition(&s(&c.args[1]))),
            "rpartition" => triple(h.rpartition(&s(&c.args[1]))),
            "join" => {
                let V::L(items) = &c.args[1] else {
                    panic!("join items")
                };
                let items: Vec<Str> = items.iter().map(s).collect();
                V::S(h.join(&items))
            }
            m => panic!("unknown method {m}"),
        })
    });
}
