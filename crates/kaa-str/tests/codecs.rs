//! str.encode / bytes.decode (utf-8, ascii, latin-1; every error handler)
//! against CPython 3.11, including Unicode{En,De}codeError attributes.
mod common;
use common::*;

#[test]
fn codecs_match_cpython() {
    check("codecs.txt", |c| {
        let enc = text(&c.args[1]);
        let errors = text(&c.args[2]);
        Some(match (c.method.as_str(), &c.args[0]) {
            ("encode", V::S(st)) => match st.encode(&enc, &errors) {
                Ok(b) => V::Y(b),
                Err(e) => err(&e),
            },
            ("decode", V::Y(b)) => rs(kaa_str::decode(b, &enc, &errors)),
            _ => panic!("unknown case"),
        })
    });
}
