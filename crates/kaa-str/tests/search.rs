//! find/rfind/index/rindex/count/startswith/endswith/in/replace against CPython 3.11.
mod common;
use common::*;
use kaa_str::StrError;

fn idx(r: Result<usize, StrError>) -> V {
    match r {
        Ok(i) => V::I(i as i64),
        Err(e) => err(&e),
    }
}

#[test]
fn search_methods_match_cpython() {
    check("search.txt", |c| {
        let h = s(&c.args[0]);
        let sub = s(&c.args[1]);
        let (st, en) = match c.args.get(2..4) {
            Some([a, b]) if c.method != "replace" => (oi(a), oi(b)),
            _ => (None, None),
        };
        Some(match c.method.as_str() {
            "find" => V::I(h.find(&sub, st, en) as i64),
            "rfind" => V::I(h.rfind(&sub, st, en) as i64),
            "index" => idx(h.index(&sub, st, en)),
            "rindex" => idx(h.rindex(&sub, st, en)),
            "count" => V::I(h.count(&sub, st, en) as i64),
            "startswith" => V::B(h.startswith(&sub, st, en)),
            "endswith" => V::B(h.endswith(&sub, st, en)),
            "contains" => V::B(h.contains(&sub)),
            "replace" => rs(h.replace(&sub, &s(&c.args[2]), i(&c.args[3]) as isize)),
            m => panic!("unknown method {m}"),
        })
    });
}
