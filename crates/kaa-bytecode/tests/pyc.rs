//! Tests of the `.pyc` header and cache paths against CPython 3.11.
//! Every expectation was produced by python3 (3.11.7); the generating
//! snippets are quoted beside each table.

use std::path::Path;

use kaa_bytecode::pyc::{
    cache_path_in, read_header, source_hash, source_hash_with_key, source_path, write_pyc,
    PathError, PycError, Validation, MAGIC_NUMBER, RAW_MAGIC_NUMBER,
};

/// The test inputs, indexed by the second field of [`HASHES`].
fn hash_inputs() -> Vec<Vec<u8>> {
    vec![
        b"".to_vec(),
        b"a".to_vec(),
        b"abcdefg".to_vec(),
        b"abcdefgh".to_vec(),
        b"abcdefghi".to_vec(),
        b"print(\"hello\")\n".to_vec(),
        (0..3).flat_map(|_| 0..=255u8).collect(),
    ]
}

/// (key as u64, input index, `_imp.source_hash(key, data).hex()`), from
/// python3:
///
/// ```python
/// import _imp
/// keys = [0, 1, 3495 | (0x0a0d << 16), 0x0a0d4b01, 0xFFFFFFFF, 2**62 + 12345, -1]
/// datas = [b'', b'a', b'abcdefg', b'abcdefgh', b'abcdefghi',
///          b'print("hello")\n', bytes(range(256)) * 3]
/// for k in keys:
///     for i, d in enumerate(datas):
///         print(k & (2**64 - 1), i, _imp.source_hash(k, d).hex())
/// ```
const HASHES: &[(u64, usize, &str)] = &[
    (0x0, 0, "2c530c1562a7fbd1"),
    (0x0, 1, "13189bb8d2487440"),
    (0x0, 2, "06f57090ae2ab16d"),
    (0x0, 3, "ea358e0b9c847b3f"),
    (0x0, 4, "e5b61ed1a3349bf8"),
    (0x0, 5, "4d236374284b4afb"),
    (0x0, 6, "e8deda4b8c1a4253"),
    (0x1, 0, "8125964ebf0e4ac4"),
    (0x1, 1, "57110c59985c424f"),
    (0x1, 2, "e4d701977a52ffac"),
    (0x1, 3, "ef4dd3786365335d"),
    (0x1, 4, "840a0b01cf898a2a"),
    (0x1, 5, "68c148a1302ffe27"),
    (0x1, 6, "36df1d85dbe381e4"),
    (0xa0d0da7, 0, "738d9cd5d5e87f73"),
    (0xa0d0da7, 1, "fa30db0730dcbf07"),
    (0xa0d0da7, 2, "9b58a82378e1d95f"),
    (0xa0d0da7, 3, "a705b39c25edd8a5"),
    (0xa0d0da7, 4, "e428a4f8cd79259b"),
    (0xa0d0da7, 5, "4384a52f77abf775"),
    (0xa0d0da7, 6, "752f2f40f441addd"),
    (0xa0d4b01, 0, "fdc10150f228eb57"),
    (0xa0d4b01, 1, "05d531c7b29aff21"),
    (0xa0d4b01, 2, "fba87a7bf651d596"),
    (0xa0d4b01, 3, "eccb88149ebdf1c5"),
    (0xa0d4b01, 4, "a0d728f99c8617e5"),
    (0xa0d4b01, 5, "916dc3acae951acd"),
    (0xa0d4b01, 6, "86266824299bc509"),
    (0xffffffff, 0, "c5836c7b453eb53f"),
    (0xffffffff, 1, "7783f8b9aef8fdde"),
    (0xffffffff, 2, "bcaa78bef4a73dde"),
    (0xffffffff, 3, "a84af1149c0760c4"),
    (0xffffffff, 4, "497499d50e0431c8"),
    (0xffffffff, 5, "86eecba2a46ad4a1"),
    (0xffffffff, 6, "97a988fce712cdad"),
    (0x4000000000003039, 0, "510c5d01989f5f51"),
    (0x4000000000003039, 1, "1c0fedd47d45b4fa"),
    (0x4000000000003039, 2, "6fc48a7f0492314a"),
    (0x4000000000003039, 3, "c50b87150cd0182f"),
    (0x4000000000003039, 4, "359c0ada389c7df1"),
    (0x4000000000003039, 5, "ce833dce47e7f1ea"),
    (0x4000000000003039, 6, "ca6acea0d8c81237"),
    (0xffffffffffffffff, 0, "9ca36f429fcc6ffc"),
    (0xffffffffffffffff, 1, "81635af8d19c1922"),
    (0xffffffffffffffff, 2, "6e2577d85fd11c23"),
    (0xffffffffffffffff, 3, "8c04dd56f29e538d"),
    (0xffffffffffffffff, 4, "7e1b79767fd6d8ef"),
    (0xffffffffffffffff, 5, "174c4588af5a1c5b"),
    (0xffffffffffffffff, 6, "45846341e5cc3c67"),
];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn source_hash_matches_cpython() {
    let inputs = hash_inputs();
    for &(key, index, expected) in HASHES {
        assert_eq!(
            hex(&source_hash_with_key(key, &inputs[index])),
            expected,
            "key {key:#x} input {index}"
        );
    }
}

#[test]
fn cpython_magic_key_reproduces_importlib_source_hash() {
    // CPython 3.11's own `importlib.util.source_hash(b"abcdefg")` is
    // `_imp.source_hash(_RAW_MAGIC_NUMBER, ...)` with magic 3495 + b"\r\n".
    let key = u64::from(u32::from_le_bytes([0xa7, 0x0d, b'\r', b'\n']));
    assert_eq!(
        hex(&source_hash_with_key(key, b"abcdefg")),
        "9b58a82378e1d95f"
    );
    // kaa keys with its own magic.
    assert_eq!(RAW_MAGIC_NUMBER, 0x0a0d_4b01);
    assert_eq!(hex(&source_hash(b"abcdefg")), "fba87a7bf651d596");
}

#[test]
fn magic_number_shape() {
    assert_eq!(&MAGIC_NUMBER[2..], b"\r\n");
    let value = u16::from_le_bytes([MAGIC_NUMBER[0], MAGIC_NUMBER[1]]);
    // CPython 3.x magics are 3000..=3600-ish; 1.x/2.x ones 20121..=62211.
    assert!(!(2900..=4000).contains(&value) && value < 20121);
}

#[test]
fn timestamp_roundtrip() {
    let v = Validation::Timestamp {
        mtime: 0x1234_5678,
        size: 42,
    };
    let pyc = write_pyc(&v, b"\xe3code");
    let mut expected = MAGIC_NUMBER.to_vec();
    expected.extend_from_slice(&[0, 0, 0, 0, 0x78, 0x56, 0x34, 0x12, 42, 0, 0, 0]);
    expected.extend_from_slice(b"\xe3code");
    assert_eq!(pyc, expected);
    assert_eq!(read_header(&pyc), Ok((v, &b"\xe3code"[..])));
}

#[test]
fn from_stat_truncates_like_pack_uint32() {
    // python3: (int(x) & 0xFFFFFFFF) for x in (-1, 2**32 + 5, 2**40 + 7)
    assert_eq!(
        Validation::from_stat(-1, (1 << 32) + 5),
        Validation::Timestamp {
            mtime: 4294967295,
            size: 5
        }
    );
    assert_eq!(
        Validation::from_stat((1 << 40) + 7, 0),
        Validation::Timestamp { mtime: 7, size: 0 }
    );
}

#[test]
fn hash_roundtrip_and_flags() {
    for (check_source, flags) in [(false, 1u8), (true, 3u8)] {
        let v = Validation::from_source(b"x = 1\n", check_source);
        let pyc = write_pyc(&v, b"");
        assert_eq!(pyc.len(), 16);
        assert_eq!(&pyc[4..8], &[flags, 0, 0, 0]);
        assert_eq!(&pyc[8..16], &source_hash(b"x = 1\n"));
        assert_eq!(read_header(&pyc), Ok((v, &b""[..])));
    }
    // Bit 1 alone: timestamp-based, as CPython's `flags & 0b1` test.
    let mut pyc = write_pyc(&Validation::Timestamp { mtime: 1, size: 2 }, b"");
    pyc[4] = 2;
    assert_eq!(
        read_header(&pyc),
        Ok((Validation::Timestamp { mtime: 1, size: 2 }, &b""[..]))
    );
}

#[test]
fn header_errors() {
    let good = write_pyc(&Validation::Timestamp { mtime: 1, size: 2 }, b"rest");
    // Magic is checked before length, as `_classify_pyc`.
    assert_eq!(read_header(b""), Err(PycError::BadMagic(vec![])));
    assert_eq!(
        read_header(&good[..3]),
        Err(PycError::BadMagic(good[..3].to_vec()))
    );
    assert_eq!(
        read_header(b"\xa7\r\r\n\0\0\0\0\0\0\0\0\0\0\0\0"),
        Err(PycError::BadMagic(b"\xa7\r\r\n".to_vec()))
    );
    for n in 4..16 {
        assert_eq!(read_header(&good[..n]), Err(PycError::Truncated));
    }
    let mut bad = good.clone();
    bad[4] = 4;
    assert_eq!(read_header(&bad), Err(PycError::InvalidFlags(4)));
    bad[4] = 1;
    bad[7] = 0x80;
    assert_eq!(read_header(&bad), Err(PycError::InvalidFlags(0x8000_0001)));
    // Messages as CPython's `_classify_pyc` (f'...{name!r}...').
    assert_eq!(
        PycError::BadMagic(b"\xa7\r\r\n".to_vec()).message("m"),
        "bad magic number in 'm': b'\\xa7\\r\\r\\n'"
    );
    assert_eq!(
        PycError::Truncated.message("m"),
        "reached EOF while reading pyc header of 'm'"
    );
    assert_eq!(
        PycError::InvalidFlags(4).message("m"),
        "invalid flags 4 in 'm'"
    );
}

#[test]
fn read_header_never_panics() {
    // Every prefix and every single-byte corruption of a valid file.
    let good = write_pyc(&Validation::from_source(b"pass", true), b"\xe3abc");
    for n in 0..=good.len() {
        let _ = read_header(&good[..n]);
        for i in 0..n {
            for b in [0u8, 1, 2, 3, 0x7f, 0xff] {
                let mut v = good[..n].to_vec();
                v[i] = b;
                let _ = read_header(&v);
            }
        }
    }
}

/// importlib.util.cache_from_source ("C") and source_from_cache ("S") with
/// `sys.implementation.cache_tag = 'kaa-311'`, `sys.pycache_prefix` = the
/// second field ("-" for None), cwd /tmp. Fields: kind, prefix, input,
/// [optimization,] "ok" + result or "err" + ValueError message. Produced by
/// running this under python3:
///
/// ```python
/// import sys, os, importlib.util as u
/// sys.implementation.cache_tag = 'kaa-311'
/// os.chdir('/tmp')
/// def r(f, *a, **k):
///     try: return 'ok\t' + f(*a, **k)
///     except ValueError as e: return 'err\t' + str(e)
/// srcs = ['/x.py','x.py','a/b.py','a/b','a/.py','a/b.c.py','/a//b.py','a/b/','.py','','/usr/lib/foo.py','rel/dir/m.py', '//net/x.py', 'a/b.pyw', '/']
/// for prefix in [None, '/cache', '/cache/', '/']:
///     sys.pycache_prefix = prefix
///     for s in srcs:
///         for opt in ['', '1', '2', 'x-y', 'é']:
///             print(sep='\t', *('C', prefix or '-', s, opt, r(u.cache_from_source, s, optimization=opt)))
/// caches = ['a/__pycache__/b.kaa-311.pyc', '__pycache__/b.kaa-311.pyc', '/a/__pycache__/b.kaa-311.opt-1.pyc', 'a/b.kaa-311.pyc', 'a/__pycache__/b.pyc', 'a/__pycache__/b.c.d.e.pyc', 'a/__pycache__/b.c.d.pyc', 'a/__pycache__/b.opt-.d.pyc', 'a/__pycache__/b.opt-x y.d.pyc', '/cache/usr/lib/__pycache__/foo.kaa-311.pyc', '/cache/usr/lib/foo.kaa-311.pyc', '/cache/foo.kaa-311.pyc', '/cachex/foo.kaa-311.pyc', '', 'x.y.z', 'a/__pycache__/.x.y']
/// for prefix in [None, '/cache', '/cache/', '/']:
///     sys.pycache_prefix = prefix
///     for c in caches:
///         print(sep='\t', *('S', prefix or '-', c, r(u.source_from_cache, c)))
/// ```
const PATHS: &str = "\
C\t-\t/x.py\t\tok\t__pycache__/x.kaa-311.pyc\n\
C\t-\t/x.py\t1\tok\t__pycache__/x.kaa-311.opt-1.pyc\n\
C\t-\t/x.py\t2\tok\t__pycache__/x.kaa-311.opt-2.pyc\n\
C\t-\t/x.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\t/x.py\té\tok\t__pycache__/x.kaa-311.opt-é.pyc\n\
C\t-\tx.py\t\tok\t__pycache__/x.kaa-311.pyc\n\
C\t-\tx.py\t1\tok\t__pycache__/x.kaa-311.opt-1.pyc\n\
C\t-\tx.py\t2\tok\t__pycache__/x.kaa-311.opt-2.pyc\n\
C\t-\tx.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\tx.py\té\tok\t__pycache__/x.kaa-311.opt-é.pyc\n\
C\t-\ta/b.py\t\tok\ta/__pycache__/b.kaa-311.pyc\n\
C\t-\ta/b.py\t1\tok\ta/__pycache__/b.kaa-311.opt-1.pyc\n\
C\t-\ta/b.py\t2\tok\ta/__pycache__/b.kaa-311.opt-2.pyc\n\
C\t-\ta/b.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\ta/b.py\té\tok\ta/__pycache__/b.kaa-311.opt-é.pyc\n\
C\t-\ta/b\t\tok\ta/__pycache__/bkaa-311.pyc\n\
C\t-\ta/b\t1\tok\ta/__pycache__/bkaa-311.opt-1.pyc\n\
C\t-\ta/b\t2\tok\ta/__pycache__/bkaa-311.opt-2.pyc\n\
C\t-\ta/b\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\ta/b\té\tok\ta/__pycache__/bkaa-311.opt-é.pyc\n\
C\t-\ta/.py\t\tok\ta/__pycache__/py.kaa-311.pyc\n\
C\t-\ta/.py\t1\tok\ta/__pycache__/py.kaa-311.opt-1.pyc\n\
C\t-\ta/.py\t2\tok\ta/__pycache__/py.kaa-311.opt-2.pyc\n\
C\t-\ta/.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\ta/.py\té\tok\ta/__pycache__/py.kaa-311.opt-é.pyc\n\
C\t-\ta/b.c.py\t\tok\ta/__pycache__/b.c.kaa-311.pyc\n\
C\t-\ta/b.c.py\t1\tok\ta/__pycache__/b.c.kaa-311.opt-1.pyc\n\
C\t-\ta/b.c.py\t2\tok\ta/__pycache__/b.c.kaa-311.opt-2.pyc\n\
C\t-\ta/b.c.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\ta/b.c.py\té\tok\ta/__pycache__/b.c.kaa-311.opt-é.pyc\n\
C\t-\t/a//b.py\t\tok\t/a/__pycache__/b.kaa-311.pyc\n\
C\t-\t/a//b.py\t1\tok\t/a/__pycache__/b.kaa-311.opt-1.pyc\n\
C\t-\t/a//b.py\t2\tok\t/a/__pycache__/b.kaa-311.opt-2.pyc\n\
C\t-\t/a//b.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\t/a//b.py\té\tok\t/a/__pycache__/b.kaa-311.opt-é.pyc\n\
C\t-\ta/b/\t\tok\ta/b/__pycache__/kaa-311.pyc\n\
C\t-\ta/b/\t1\tok\ta/b/__pycache__/kaa-311.opt-1.pyc\n\
C\t-\ta/b/\t2\tok\ta/b/__pycache__/kaa-311.opt-2.pyc\n\
C\t-\ta/b/\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\ta/b/\té\tok\ta/b/__pycache__/kaa-311.opt-é.pyc\n\
C\t-\t.py\t\tok\t__pycache__/py.kaa-311.pyc\n\
C\t-\t.py\t1\tok\t__pycache__/py.kaa-311.opt-1.pyc\n\
C\t-\t.py\t2\tok\t__pycache__/py.kaa-311.opt-2.pyc\n\
C\t-\t.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\t.py\té\tok\t__pycache__/py.kaa-311.opt-é.pyc\n\
C\t-\t\t\tok\t__pycache__/kaa-311.pyc\n\
C\t-\t\t1\tok\t__pycache__/kaa-311.opt-1.pyc\n\
C\t-\t\t2\tok\t__pycache__/kaa-311.opt-2.pyc\n\
C\t-\t\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\t\té\tok\t__pycache__/kaa-311.opt-é.pyc\n\
C\t-\t/usr/lib/foo.py\t\tok\t/usr/lib/__pycache__/foo.kaa-311.pyc\n\
C\t-\t/usr/lib/foo.py\t1\tok\t/usr/lib/__pycache__/foo.kaa-311.opt-1.pyc\n\
C\t-\t/usr/lib/foo.py\t2\tok\t/usr/lib/__pycache__/foo.kaa-311.opt-2.pyc\n\
C\t-\t/usr/lib/foo.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\t/usr/lib/foo.py\té\tok\t/usr/lib/__pycache__/foo.kaa-311.opt-é.pyc\n\
C\t-\trel/dir/m.py\t\tok\trel/dir/__pycache__/m.kaa-311.pyc\n\
C\t-\trel/dir/m.py\t1\tok\trel/dir/__pycache__/m.kaa-311.opt-1.pyc\n\
C\t-\trel/dir/m.py\t2\tok\trel/dir/__pycache__/m.kaa-311.opt-2.pyc\n\
C\t-\trel/dir/m.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\trel/dir/m.py\té\tok\trel/dir/__pycache__/m.kaa-311.opt-é.pyc\n\
C\t-\t//net/x.py\t\tok\t//net/__pycache__/x.kaa-311.pyc\n\
C\t-\t//net/x.py\t1\tok\t//net/__pycache__/x.kaa-311.opt-1.pyc\n\
C\t-\t//net/x.py\t2\tok\t//net/__pycache__/x.kaa-311.opt-2.pyc\n\
C\t-\t//net/x.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\t//net/x.py\té\tok\t//net/__pycache__/x.kaa-311.opt-é.pyc\n\
C\t-\ta/b.pyw\t\tok\ta/__pycache__/b.kaa-311.pyc\n\
C\t-\ta/b.pyw\t1\tok\ta/__pycache__/b.kaa-311.opt-1.pyc\n\
C\t-\ta/b.pyw\t2\tok\ta/__pycache__/b.kaa-311.opt-2.pyc\n\
C\t-\ta/b.pyw\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\ta/b.pyw\té\tok\ta/__pycache__/b.kaa-311.opt-é.pyc\n\
C\t-\t/\t\tok\t__pycache__/kaa-311.pyc\n\
C\t-\t/\t1\tok\t__pycache__/kaa-311.opt-1.pyc\n\
C\t-\t/\t2\tok\t__pycache__/kaa-311.opt-2.pyc\n\
C\t-\t/\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t-\t/\té\tok\t__pycache__/kaa-311.opt-é.pyc\n\
C\t/cache\t/x.py\t\tok\t/cache/tmp/x.kaa-311.pyc\n\
C\t/cache\t/x.py\t1\tok\t/cache/tmp/x.kaa-311.opt-1.pyc\n\
C\t/cache\t/x.py\t2\tok\t/cache/tmp/x.kaa-311.opt-2.pyc\n\
C\t/cache\t/x.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\t/x.py\té\tok\t/cache/tmp/x.kaa-311.opt-é.pyc\n\
C\t/cache\tx.py\t\tok\t/cache/tmp/x.kaa-311.pyc\n\
C\t/cache\tx.py\t1\tok\t/cache/tmp/x.kaa-311.opt-1.pyc\n\
C\t/cache\tx.py\t2\tok\t/cache/tmp/x.kaa-311.opt-2.pyc\n\
C\t/cache\tx.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\tx.py\té\tok\t/cache/tmp/x.kaa-311.opt-é.pyc\n\
C\t/cache\ta/b.py\t\tok\t/cache/tmp/a/b.kaa-311.pyc\n\
C\t/cache\ta/b.py\t1\tok\t/cache/tmp/a/b.kaa-311.opt-1.pyc\n\
C\t/cache\ta/b.py\t2\tok\t/cache/tmp/a/b.kaa-311.opt-2.pyc\n\
C\t/cache\ta/b.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\ta/b.py\té\tok\t/cache/tmp/a/b.kaa-311.opt-é.pyc\n\
C\t/cache\ta/b\t\tok\t/cache/tmp/a/bkaa-311.pyc\n\
C\t/cache\ta/b\t1\tok\t/cache/tmp/a/bkaa-311.opt-1.pyc\n\
C\t/cache\ta/b\t2\tok\t/cache/tmp/a/bkaa-311.opt-2.pyc\n\
C\t/cache\ta/b\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\ta/b\té\tok\t/cache/tmp/a/bkaa-311.opt-é.pyc\n\
C\t/cache\ta/.py\t\tok\t/cache/tmp/a/py.kaa-311.pyc\n\
C\t/cache\ta/.py\t1\tok\t/cache/tmp/a/py.kaa-311.opt-1.pyc\n\
C\t/cache\ta/.py\t2\tok\t/cache/tmp/a/py.kaa-311.opt-2.pyc\n\
C\t/cache\ta/.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\ta/.py\té\tok\t/cache/tmp/a/py.kaa-311.opt-é.pyc\n\
C\t/cache\ta/b.c.py\t\tok\t/cache/tmp/a/b.c.kaa-311.pyc\n\
C\t/cache\ta/b.c.py\t1\tok\t/cache/tmp/a/b.c.kaa-311.opt-1.pyc\n\
C\t/cache\ta/b.c.py\t2\tok\t/cache/tmp/a/b.c.kaa-311.opt-2.pyc\n\
C\t/cache\ta/b.c.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\ta/b.c.py\té\tok\t/cache/tmp/a/b.c.kaa-311.opt-é.pyc\n\
C\t/cache\t/a//b.py\t\tok\t/cache/a/b.kaa-311.pyc\n\
C\t/cache\t/a//b.py\t1\tok\t/cache/a/b.kaa-311.opt-1.pyc\n\
C\t/cache\t/a//b.py\t2\tok\t/cache/a/b.kaa-311.opt-2.pyc\n\
C\t/cache\t/a//b.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\t/a//b.py\té\tok\t/cache/a/b.kaa-311.opt-é.pyc\n\
C\t/cache\ta/b/\t\tok\t/cache/tmp/a/b/kaa-311.pyc\n\
C\t/cache\ta/b/\t1\tok\t/cache/tmp/a/b/kaa-311.opt-1.pyc\n\
C\t/cache\ta/b/\t2\tok\t/cache/tmp/a/b/kaa-311.opt-2.pyc\n\
C\t/cache\ta/b/\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\ta/b/\té\tok\t/cache/tmp/a/b/kaa-311.opt-é.pyc\n\
C\t/cache\t.py\t\tok\t/cache/tmp/py.kaa-311.pyc\n\
C\t/cache\t.py\t1\tok\t/cache/tmp/py.kaa-311.opt-1.pyc\n\
C\t/cache\t.py\t2\tok\t/cache/tmp/py.kaa-311.opt-2.pyc\n\
C\t/cache\t.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\t.py\té\tok\t/cache/tmp/py.kaa-311.opt-é.pyc\n\
C\t/cache\t\t\tok\t/cache/tmp/kaa-311.pyc\n\
C\t/cache\t\t1\tok\t/cache/tmp/kaa-311.opt-1.pyc\n\
C\t/cache\t\t2\tok\t/cache/tmp/kaa-311.opt-2.pyc\n\
C\t/cache\t\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\t\té\tok\t/cache/tmp/kaa-311.opt-é.pyc\n\
C\t/cache\t/usr/lib/foo.py\t\tok\t/cache/usr/lib/foo.kaa-311.pyc\n\
C\t/cache\t/usr/lib/foo.py\t1\tok\t/cache/usr/lib/foo.kaa-311.opt-1.pyc\n\
C\t/cache\t/usr/lib/foo.py\t2\tok\t/cache/usr/lib/foo.kaa-311.opt-2.pyc\n\
C\t/cache\t/usr/lib/foo.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\t/usr/lib/foo.py\té\tok\t/cache/usr/lib/foo.kaa-311.opt-é.pyc\n\
C\t/cache\trel/dir/m.py\t\tok\t/cache/tmp/rel/dir/m.kaa-311.pyc\n\
C\t/cache\trel/dir/m.py\t1\tok\t/cache/tmp/rel/dir/m.kaa-311.opt-1.pyc\n\
C\t/cache\trel/dir/m.py\t2\tok\t/cache/tmp/rel/dir/m.kaa-311.opt-2.pyc\n\
C\t/cache\trel/dir/m.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\trel/dir/m.py\té\tok\t/cache/tmp/rel/dir/m.kaa-311.opt-é.pyc\n\
C\t/cache\t//net/x.py\t\tok\t/cache/net/x.kaa-311.pyc\n\
C\t/cache\t//net/x.py\t1\tok\t/cache/net/x.kaa-311.opt-1.pyc\n\
C\t/cache\t//net/x.py\t2\tok\t/cache/net/x.kaa-311.opt-2.pyc\n\
C\t/cache\t//net/x.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\t//net/x.py\té\tok\t/cache/net/x.kaa-311.opt-é.pyc\n\
C\t/cache\ta/b.pyw\t\tok\t/cache/tmp/a/b.kaa-311.pyc\n\
C\t/cache\ta/b.pyw\t1\tok\t/cache/tmp/a/b.kaa-311.opt-1.pyc\n\
C\t/cache\ta/b.pyw\t2\tok\t/cache/tmp/a/b.kaa-311.opt-2.pyc\n\
C\t/cache\ta/b.pyw\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\ta/b.pyw\té\tok\t/cache/tmp/a/b.kaa-311.opt-é.pyc\n\
C\t/cache\t/\t\tok\t/cache/tmp/kaa-311.pyc\n\
C\t/cache\t/\t1\tok\t/cache/tmp/kaa-311.opt-1.pyc\n\
C\t/cache\t/\t2\tok\t/cache/tmp/kaa-311.opt-2.pyc\n\
C\t/cache\t/\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache\t/\té\tok\t/cache/tmp/kaa-311.opt-é.pyc\n\
C\t/cache/\t/x.py\t\tok\t/cache/tmp/x.kaa-311.pyc\n\
C\t/cache/\t/x.py\t1\tok\t/cache/tmp/x.kaa-311.opt-1.pyc\n\
C\t/cache/\t/x.py\t2\tok\t/cache/tmp/x.kaa-311.opt-2.pyc\n\
C\t/cache/\t/x.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\t/x.py\té\tok\t/cache/tmp/x.kaa-311.opt-é.pyc\n\
C\t/cache/\tx.py\t\tok\t/cache/tmp/x.kaa-311.pyc\n\
C\t/cache/\tx.py\t1\tok\t/cache/tmp/x.kaa-311.opt-1.pyc\n\
C\t/cache/\tx.py\t2\tok\t/cache/tmp/x.kaa-311.opt-2.pyc\n\
C\t/cache/\tx.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\tx.py\té\tok\t/cache/tmp/x.kaa-311.opt-é.pyc\n\
C\t/cache/\ta/b.py\t\tok\t/cache/tmp/a/b.kaa-311.pyc\n\
C\t/cache/\ta/b.py\t1\tok\t/cache/tmp/a/b.kaa-311.opt-1.pyc\n\
C\t/cache/\ta/b.py\t2\tok\t/cache/tmp/a/b.kaa-311.opt-2.pyc\n\
C\t/cache/\ta/b.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\ta/b.py\té\tok\t/cache/tmp/a/b.kaa-311.opt-é.pyc\n\
C\t/cache/\ta/b\t\tok\t/cache/tmp/a/bkaa-311.pyc\n\
C\t/cache/\ta/b\t1\tok\t/cache/tmp/a/bkaa-311.opt-1.pyc\n\
C\t/cache/\ta/b\t2\tok\t/cache/tmp/a/bkaa-311.opt-2.pyc\n\
C\t/cache/\ta/b\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\ta/b\té\tok\t/cache/tmp/a/bkaa-311.opt-é.pyc\n\
C\t/cache/\ta/.py\t\tok\t/cache/tmp/a/py.kaa-311.pyc\n\
C\t/cache/\ta/.py\t1\tok\t/cache/tmp/a/py.kaa-311.opt-1.pyc\n\
C\t/cache/\ta/.py\t2\tok\t/cache/tmp/a/py.kaa-311.opt-2.pyc\n\
C\t/cache/\ta/.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\ta/.py\té\tok\t/cache/tmp/a/py.kaa-311.opt-é.pyc\n\
C\t/cache/\ta/b.c.py\t\tok\t/cache/tmp/a/b.c.kaa-311.pyc\n\
C\t/cache/\ta/b.c.py\t1\tok\t/cache/tmp/a/b.c.kaa-311.opt-1.pyc\n\
C\t/cache/\ta/b.c.py\t2\tok\t/cache/tmp/a/b.c.kaa-311.opt-2.pyc\n\
C\t/cache/\ta/b.c.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\ta/b.c.py\té\tok\t/cache/tmp/a/b.c.kaa-311.opt-é.pyc\n\
C\t/cache/\t/a//b.py\t\tok\t/cache/a/b.kaa-311.pyc\n\
C\t/cache/\t/a//b.py\t1\tok\t/cache/a/b.kaa-311.opt-1.pyc\n\
C\t/cache/\t/a//b.py\t2\tok\t/cache/a/b.kaa-311.opt-2.pyc\n\
C\t/cache/\t/a//b.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\t/a//b.py\té\tok\t/cache/a/b.kaa-311.opt-é.pyc\n\
C\t/cache/\ta/b/\t\tok\t/cache/tmp/a/b/kaa-311.pyc\n\
C\t/cache/\ta/b/\t1\tok\t/cache/tmp/a/b/kaa-311.opt-1.pyc\n\
C\t/cache/\ta/b/\t2\tok\t/cache/tmp/a/b/kaa-311.opt-2.pyc\n\
C\t/cache/\ta/b/\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\ta/b/\té\tok\t/cache/tmp/a/b/kaa-311.opt-é.pyc\n\
C\t/cache/\t.py\t\tok\t/cache/tmp/py.kaa-311.pyc\n\
C\t/cache/\t.py\t1\tok\t/cache/tmp/py.kaa-311.opt-1.pyc\n\
C\t/cache/\t.py\t2\tok\t/cache/tmp/py.kaa-311.opt-2.pyc\n\
C\t/cache/\t.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\t.py\té\tok\t/cache/tmp/py.kaa-311.opt-é.pyc\n\
C\t/cache/\t\t\tok\t/cache/tmp/kaa-311.pyc\n\
C\t/cache/\t\t1\tok\t/cache/tmp/kaa-311.opt-1.pyc\n\
C\t/cache/\t\t2\tok\t/cache/tmp/kaa-311.opt-2.pyc\n\
C\t/cache/\t\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\t\té\tok\t/cache/tmp/kaa-311.opt-é.pyc\n\
C\t/cache/\t/usr/lib/foo.py\t\tok\t/cache/usr/lib/foo.kaa-311.pyc\n\
C\t/cache/\t/usr/lib/foo.py\t1\tok\t/cache/usr/lib/foo.kaa-311.opt-1.pyc\n\
C\t/cache/\t/usr/lib/foo.py\t2\tok\t/cache/usr/lib/foo.kaa-311.opt-2.pyc\n\
C\t/cache/\t/usr/lib/foo.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\t/usr/lib/foo.py\té\tok\t/cache/usr/lib/foo.kaa-311.opt-é.pyc\n\
C\t/cache/\trel/dir/m.py\t\tok\t/cache/tmp/rel/dir/m.kaa-311.pyc\n\
C\t/cache/\trel/dir/m.py\t1\tok\t/cache/tmp/rel/dir/m.kaa-311.opt-1.pyc\n\
C\t/cache/\trel/dir/m.py\t2\tok\t/cache/tmp/rel/dir/m.kaa-311.opt-2.pyc\n\
C\t/cache/\trel/dir/m.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\trel/dir/m.py\té\tok\t/cache/tmp/rel/dir/m.kaa-311.opt-é.pyc\n\
C\t/cache/\t//net/x.py\t\tok\t/cache/net/x.kaa-311.pyc\n\
C\t/cache/\t//net/x.py\t1\tok\t/cache/net/x.kaa-311.opt-1.pyc\n\
C\t/cache/\t//net/x.py\t2\tok\t/cache/net/x.kaa-311.opt-2.pyc\n\
C\t/cache/\t//net/x.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\t//net/x.py\té\tok\t/cache/net/x.kaa-311.opt-é.pyc\n\
C\t/cache/\ta/b.pyw\t\tok\t/cache/tmp/a/b.kaa-311.pyc\n\
C\t/cache/\ta/b.pyw\t1\tok\t/cache/tmp/a/b.kaa-311.opt-1.pyc\n\
C\t/cache/\ta/b.pyw\t2\tok\t/cache/tmp/a/b.kaa-311.opt-2.pyc\n\
C\t/cache/\ta/b.pyw\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\ta/b.pyw\té\tok\t/cache/tmp/a/b.kaa-311.opt-é.pyc\n\
C\t/cache/\t/\t\tok\t/cache/tmp/kaa-311.pyc\n\
C\t/cache/\t/\t1\tok\t/cache/tmp/kaa-311.opt-1.pyc\n\
C\t/cache/\t/\t2\tok\t/cache/tmp/kaa-311.opt-2.pyc\n\
C\t/cache/\t/\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/cache/\t/\té\tok\t/cache/tmp/kaa-311.opt-é.pyc\n\
C\t/\t/x.py\t\tok\t/tmp/x.kaa-311.pyc\n\
C\t/\t/x.py\t1\tok\t/tmp/x.kaa-311.opt-1.pyc\n\
C\t/\t/x.py\t2\tok\t/tmp/x.kaa-311.opt-2.pyc\n\
C\t/\t/x.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\t/x.py\té\tok\t/tmp/x.kaa-311.opt-é.pyc\n\
C\t/\tx.py\t\tok\t/tmp/x.kaa-311.pyc\n\
C\t/\tx.py\t1\tok\t/tmp/x.kaa-311.opt-1.pyc\n\
C\t/\tx.py\t2\tok\t/tmp/x.kaa-311.opt-2.pyc\n\
C\t/\tx.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\tx.py\té\tok\t/tmp/x.kaa-311.opt-é.pyc\n\
C\t/\ta/b.py\t\tok\t/tmp/a/b.kaa-311.pyc\n\
C\t/\ta/b.py\t1\tok\t/tmp/a/b.kaa-311.opt-1.pyc\n\
C\t/\ta/b.py\t2\tok\t/tmp/a/b.kaa-311.opt-2.pyc\n\
C\t/\ta/b.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\ta/b.py\té\tok\t/tmp/a/b.kaa-311.opt-é.pyc\n\
C\t/\ta/b\t\tok\t/tmp/a/bkaa-311.pyc\n\
C\t/\ta/b\t1\tok\t/tmp/a/bkaa-311.opt-1.pyc\n\
C\t/\ta/b\t2\tok\t/tmp/a/bkaa-311.opt-2.pyc\n\
C\t/\ta/b\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\ta/b\té\tok\t/tmp/a/bkaa-311.opt-é.pyc\n\
C\t/\ta/.py\t\tok\t/tmp/a/py.kaa-311.pyc\n\
C\t/\ta/.py\t1\tok\t/tmp/a/py.kaa-311.opt-1.pyc\n\
C\t/\ta/.py\t2\tok\t/tmp/a/py.kaa-311.opt-2.pyc\n\
C\t/\ta/.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\ta/.py\té\tok\t/tmp/a/py.kaa-311.opt-é.pyc\n\
C\t/\ta/b.c.py\t\tok\t/tmp/a/b.c.kaa-311.pyc\n\
C\t/\ta/b.c.py\t1\tok\t/tmp/a/b.c.kaa-311.opt-1.pyc\n\
C\t/\ta/b.c.py\t2\tok\t/tmp/a/b.c.kaa-311.opt-2.pyc\n\
C\t/\ta/b.c.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\ta/b.c.py\té\tok\t/tmp/a/b.c.kaa-311.opt-é.pyc\n\
C\t/\t/a//b.py\t\tok\t/a/b.kaa-311.pyc\n\
C\t/\t/a//b.py\t1\tok\t/a/b.kaa-311.opt-1.pyc\n\
C\t/\t/a//b.py\t2\tok\t/a/b.kaa-311.opt-2.pyc\n\
C\t/\t/a//b.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\t/a//b.py\té\tok\t/a/b.kaa-311.opt-é.pyc\n\
C\t/\ta/b/\t\tok\t/tmp/a/b/kaa-311.pyc\n\
C\t/\ta/b/\t1\tok\t/tmp/a/b/kaa-311.opt-1.pyc\n\
C\t/\ta/b/\t2\tok\t/tmp/a/b/kaa-311.opt-2.pyc\n\
C\t/\ta/b/\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\ta/b/\té\tok\t/tmp/a/b/kaa-311.opt-é.pyc\n\
C\t/\t.py\t\tok\t/tmp/py.kaa-311.pyc\n\
C\t/\t.py\t1\tok\t/tmp/py.kaa-311.opt-1.pyc\n\
C\t/\t.py\t2\tok\t/tmp/py.kaa-311.opt-2.pyc\n\
C\t/\t.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\t.py\té\tok\t/tmp/py.kaa-311.opt-é.pyc\n\
C\t/\t\t\tok\t/tmp/kaa-311.pyc\n\
C\t/\t\t1\tok\t/tmp/kaa-311.opt-1.pyc\n\
C\t/\t\t2\tok\t/tmp/kaa-311.opt-2.pyc\n\
C\t/\t\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\t\té\tok\t/tmp/kaa-311.opt-é.pyc\n\
C\t/\t/usr/lib/foo.py\t\tok\t/usr/lib/foo.kaa-311.pyc\n\
C\t/\t/usr/lib/foo.py\t1\tok\t/usr/lib/foo.kaa-311.opt-1.pyc\n\
C\t/\t/usr/lib/foo.py\t2\tok\t/usr/lib/foo.kaa-311.opt-2.pyc\n\
C\t/\t/usr/lib/foo.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\t/usr/lib/foo.py\té\tok\t/usr/lib/foo.kaa-311.opt-é.pyc\n\
C\t/\trel/dir/m.py\t\tok\t/tmp/rel/dir/m.kaa-311.pyc\n\
C\t/\trel/dir/m.py\t1\tok\t/tmp/rel/dir/m.kaa-311.opt-1.pyc\n\
C\t/\trel/dir/m.py\t2\tok\t/tmp/rel/dir/m.kaa-311.opt-2.pyc\n\
C\t/\trel/dir/m.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\trel/dir/m.py\té\tok\t/tmp/rel/dir/m.kaa-311.opt-é.pyc\n\
C\t/\t//net/x.py\t\tok\t/net/x.kaa-311.pyc\n\
C\t/\t//net/x.py\t1\tok\t/net/x.kaa-311.opt-1.pyc\n\
C\t/\t//net/x.py\t2\tok\t/net/x.kaa-311.opt-2.pyc\n\
C\t/\t//net/x.py\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\t//net/x.py\té\tok\t/net/x.kaa-311.opt-é.pyc\n\
C\t/\ta/b.pyw\t\tok\t/tmp/a/b.kaa-311.pyc\n\
C\t/\ta/b.pyw\t1\tok\t/tmp/a/b.kaa-311.opt-1.pyc\n\
C\t/\ta/b.pyw\t2\tok\t/tmp/a/b.kaa-311.opt-2.pyc\n\
C\t/\ta/b.pyw\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\ta/b.pyw\té\tok\t/tmp/a/b.kaa-311.opt-é.pyc\n\
C\t/\t/\t\tok\t/tmp/kaa-311.pyc\n\
C\t/\t/\t1\tok\t/tmp/kaa-311.opt-1.pyc\n\
C\t/\t/\t2\tok\t/tmp/kaa-311.opt-2.pyc\n\
C\t/\t/\tx-y\terr\t'x-y' is not alphanumeric\n\
C\t/\t/\té\tok\t/tmp/kaa-311.opt-é.pyc\n\
S\t-\ta/__pycache__/b.kaa-311.pyc\tok\ta/b.py\n\
S\t-\t__pycache__/b.kaa-311.pyc\tok\tb.py\n\
S\t-\t/a/__pycache__/b.kaa-311.opt-1.pyc\tok\t/a/b.py\n\
S\t-\ta/b.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in 'a/b.kaa-311.pyc'\n\
S\t-\ta/__pycache__/b.pyc\terr\texpected only 2 or 3 dots in 'b.pyc'\n\
S\t-\ta/__pycache__/b.c.d.e.pyc\terr\texpected only 2 or 3 dots in 'b.c.d.e.pyc'\n\
S\t-\ta/__pycache__/b.c.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t-\ta/__pycache__/b.opt-.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t-\ta/__pycache__/b.opt-x y.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t-\t/cache/usr/lib/__pycache__/foo.kaa-311.pyc\tok\t/cache/usr/lib/foo.py\n\
S\t-\t/cache/usr/lib/foo.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in '/cache/usr/lib/foo.kaa-311.pyc'\n\
S\t-\t/cache/foo.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in '/cache/foo.kaa-311.pyc'\n\
S\t-\t/cachex/foo.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in '/cachex/foo.kaa-311.pyc'\n\
S\t-\t\terr\t__pycache__ not bottom-level directory in ''\n\
S\t-\tx.y.z\terr\t__pycache__ not bottom-level directory in 'x.y.z'\n\
S\t-\ta/__pycache__/.x.y\tok\ta/.py\n\
S\t/cache\ta/__pycache__/b.kaa-311.pyc\tok\ta/b.py\n\
S\t/cache\t__pycache__/b.kaa-311.pyc\tok\tb.py\n\
S\t/cache\t/a/__pycache__/b.kaa-311.opt-1.pyc\tok\t/a/b.py\n\
S\t/cache\ta/b.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in 'a/b.kaa-311.pyc'\n\
S\t/cache\ta/__pycache__/b.pyc\terr\texpected only 2 or 3 dots in 'b.pyc'\n\
S\t/cache\ta/__pycache__/b.c.d.e.pyc\terr\texpected only 2 or 3 dots in 'b.c.d.e.pyc'\n\
S\t/cache\ta/__pycache__/b.c.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/cache\ta/__pycache__/b.opt-.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/cache\ta/__pycache__/b.opt-x y.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/cache\t/cache/usr/lib/__pycache__/foo.kaa-311.pyc\tok\t/usr/lib/__pycache__/foo.py\n\
S\t/cache\t/cache/usr/lib/foo.kaa-311.pyc\tok\t/usr/lib/foo.py\n\
S\t/cache\t/cache/foo.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in '/cache/foo.kaa-311.pyc'\n\
S\t/cache\t/cachex/foo.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in '/cachex/foo.kaa-311.pyc'\n\
S\t/cache\t\terr\t__pycache__ not bottom-level directory in ''\n\
S\t/cache\tx.y.z\terr\t__pycache__ not bottom-level directory in 'x.y.z'\n\
S\t/cache\ta/__pycache__/.x.y\tok\ta/.py\n\
S\t/cache/\ta/__pycache__/b.kaa-311.pyc\tok\ta/b.py\n\
S\t/cache/\t__pycache__/b.kaa-311.pyc\tok\tb.py\n\
S\t/cache/\t/a/__pycache__/b.kaa-311.opt-1.pyc\tok\t/a/b.py\n\
S\t/cache/\ta/b.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in 'a/b.kaa-311.pyc'\n\
S\t/cache/\ta/__pycache__/b.pyc\terr\texpected only 2 or 3 dots in 'b.pyc'\n\
S\t/cache/\ta/__pycache__/b.c.d.e.pyc\terr\texpected only 2 or 3 dots in 'b.c.d.e.pyc'\n\
S\t/cache/\ta/__pycache__/b.c.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/cache/\ta/__pycache__/b.opt-.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/cache/\ta/__pycache__/b.opt-x y.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/cache/\t/cache/usr/lib/__pycache__/foo.kaa-311.pyc\tok\t/usr/lib/__pycache__/foo.py\n\
S\t/cache/\t/cache/usr/lib/foo.kaa-311.pyc\tok\t/usr/lib/foo.py\n\
S\t/cache/\t/cache/foo.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in '/cache/foo.kaa-311.pyc'\n\
S\t/cache/\t/cachex/foo.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in '/cachex/foo.kaa-311.pyc'\n\
S\t/cache/\t\terr\t__pycache__ not bottom-level directory in ''\n\
S\t/cache/\tx.y.z\terr\t__pycache__ not bottom-level directory in 'x.y.z'\n\
S\t/cache/\ta/__pycache__/.x.y\tok\ta/.py\n\
S\t/\ta/__pycache__/b.kaa-311.pyc\tok\ta/b.py\n\
S\t/\t__pycache__/b.kaa-311.pyc\tok\tb.py\n\
S\t/\t/a/__pycache__/b.kaa-311.opt-1.pyc\tok\t/a/__pycache__/b.py\n\
S\t/\ta/b.kaa-311.pyc\terr\t__pycache__ not bottom-level directory in 'a/b.kaa-311.pyc'\n\
S\t/\ta/__pycache__/b.pyc\terr\texpected only 2 or 3 dots in 'b.pyc'\n\
S\t/\ta/__pycache__/b.c.d.e.pyc\terr\texpected only 2 or 3 dots in 'b.c.d.e.pyc'\n\
S\t/\ta/__pycache__/b.c.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/\ta/__pycache__/b.opt-.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/\ta/__pycache__/b.opt-x y.d.pyc\terr\toptimization portion of filename does not start with 'opt-'\n\
S\t/\t/cache/usr/lib/__pycache__/foo.kaa-311.pyc\tok\t/cache/usr/lib/__pycache__/foo.py\n\
S\t/\t/cache/usr/lib/foo.kaa-311.pyc\tok\t/cache/usr/lib/foo.py\n\
S\t/\t/cache/foo.kaa-311.pyc\tok\t/cache/foo.py\n\
S\t/\t/cachex/foo.kaa-311.pyc\tok\t/cachex/foo.py\n\
S\t/\t\terr\t__pycache__ not bottom-level directory in ''\n\
S\t/\tx.y.z\terr\t__pycache__ not bottom-level directory in 'x.y.z'\n\
S\t/\ta/__pycache__/.x.y\tok\ta/.py\n\
";

#[test]
fn paths_match_importlib() {
    let cwd = Path::new("/tmp");
    let mut checked = 0;
    for line in PATHS.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let prefix = match fields[1] {
            "-" => None,
            p => Some(Path::new(p)),
        };
        let (got, outcome) = match fields[0] {
            "C" => (
                cache_path_in(Path::new(fields[2]), fields[3], prefix, Some(cwd)),
                &fields[4..],
            ),
            _ => (source_path(Path::new(fields[2]), prefix), &fields[3..]),
        };
        let got = match got {
            Ok(p) => format!("ok {}", p.display()),
            Err(PathError::Value(msg)) => format!("err {msg}"),
            Err(e) => format!("other {e}"),
        };
        assert_eq!(got, outcome.join(" "), "{line}");
        checked += 1;
    }
    assert_eq!(checked, 364);
}
