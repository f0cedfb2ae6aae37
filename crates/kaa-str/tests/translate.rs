//! str.translate and str.maketrans against CPython 3.11.
mod common;
use common::*;
use kaa_str::{Str, StrError, Translation};

#[test]
fn translate_matches_cpython() {
    check("translate.txt", |c| {
        let st = s(&c.args[0]);
        Some(match c.method.as_str() {
            "translate" => {
                let (V::L(keys), V::L(vals)) = (&c.args[1], &c.args[2]) else {
                    panic!("table")
                };
                let table: Vec<(u32, Translation)> = keys
                    .iter()
                    .zip(vals)
                    .map(|(k, v)| {
                        let t = match v {
                            V::N => Translation::Delete,
                            V::I(n) => Translation::Char(*n),
                            V::S(s) => Translation::Str(s.clone()),
                            _ => panic!("value"),
                        };
                        (i(k) as u32, t)
                    })
                    .collect();
                rs(st.translate(|cp| {
                    Ok::<_, StrError>(
                        table
                            .iter()
                            .find(|(k, _)| *k == cp)
                            .map_or(Translation::Unmapped, |(_, t)| t.clone()),
                    )
                }))
            }
            "maketrans" => {
                let z = match &c.args[2] {
                    V::N => None,
                    v => Some(s(v)),
                };
                match Str::maketrans(&st, &s(&c.args[1]), z.as_ref()) {
                    Ok(pairs) => {
                        // Dict semantics: a repeated key keeps its first position, last value.
                        let mut dict: Vec<(u32, Option<u32>)> = Vec::new();
                        for (k, v) in pairs {
                            match dict.iter_mut().find(|(dk, _)| *dk == k) {
                                Some(slot) => slot.1 = v,
                                None => dict.push((k, v)),
                            }
                        }
                        V::L(
                            dict.into_iter()
                                .map(|(k, v)| {
                                    let v = v.map_or("n".to_string(), |v| format!("i:{v}"));
                                    V::S(Str::from_string(format!("i:{k}/{v}")))
                                })
                                .collect(),
                        )
                    }
                    Err(e) => err(&e),
                }
            }
            m => panic!("unknown method {m}"),
        })
    });
}
