//! PEP 393 storage: len, indexing, slicing, concatenation, repetition,
//! comparison and UTF-8 conversion against CPython 3.11.
mod common;
use common::*;
use kaa_str::{Kind, Str, StrBuilder};

#[test]
fn storage_matches_cpython() {
    check("storage.txt", |c| {
        let st = s(&c.args[0]);
        Some(match c.method.as_str() {
            "len" => V::I(st.len() as i64),
            "max" => {
                let max = st.max_char();
                assert_eq!(st.kind(), Kind::for_max(max), "canonical kind of {st:?}");
                assert_eq!(st.is_ascii(), max < 0x80);
                V::I(i64::from(max))
            }
            "code_points" => {
                let items: Vec<V> = (0..st.len())
                    .map(|k| V::S(Str::from_char(st.get(k).unwrap())))
                    .collect();
                assert_eq!(st.get(st.len()), None);
                let rev: Vec<u32> = st.code_points().rev().collect();
                let mut fwd = st.to_code_points();
                fwd.reverse();
                assert_eq!(rev, fwd);
                V::L(items)
            }
            "slice" => V::S(st.slice(i(&c.args[1]) as usize, i(&c.args[2]) as usize)),
            "slice_step" => V::S(st.slice_step(
                i(&c.args[1]) as isize,
                i(&c.args[2]) as isize,
                i(&c.args[3]) as usize,
            )),
            "concat" => {
                let other = s(&c.args[1]);
                let mut b = StrBuilder::new();
                b.push_str(&st);
                for cp in other.code_points() {
                    b.push(cp);
                }
                let built = b.finish();
                let joined = st.concat(&other);
                assert_eq!(built, joined);
                let mut appended = st.clone();
                appended.append(&other);
                assert_eq!(appended, joined);
                V::S(joined)
            }
            "repeat" => V::S(st.repeat(i(&c.args[1]) as usize)),
            "cmp" => V::I(st.cmp(&s(&c.args[1])) as i64),
            "eq" => V::B(st == s(&c.args[1])),
            "to_utf8" => match st.to_utf8() {
                Ok(u) => V::Y(u.as_bytes().to_vec()),
                Err(e) => err(&e),
            },
            m => panic!("unknown method {m}"),
        })
    });
}

#[test]
fn from_str_and_builder_agree() {
    let text = "aé€😀";
    let s = Str::from_str(text);
    assert_eq!(s.len(), 4);
    assert_eq!(s.kind(), Kind::Ucs4);
    assert_eq!(s.to_utf8().unwrap(), text);
    assert_eq!(Str::from_str("abc").as_ascii_str(), Some("abc"));
    assert_eq!(s.slice(0, 2).kind(), Kind::Latin1);
    assert_eq!(
        Str::from_str("x")
            .try_repeat(usize::MAX)
            .unwrap_err()
            .class_name(),
        "OverflowError"
    );
}
