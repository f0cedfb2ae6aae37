//! Reading marshal data: `r_object` in Python/marshal.c, bounds-checked.

use std::sync::Arc;

use num_bigint::{BigInt, BigUint, Sign};

use super::*;
use crate::code::CO_FAST_LOCAL;

/// The message of `PyErr_BadInternalCall()` in CPython 3.11.7's
/// `_PyCode_Validate` (Objects/codeobject.c, line 250).
const BAD_INTERNAL_CALL: &str = "Objects/codeobject.c:250: bad argument to internal function";

fn eof_object() -> MarshalError {
    MarshalError::new("EOFError", "EOF read where object expected")
}

/// `r_byte` at the end of the data (CPython 3.11.7).
fn eof_byte() -> MarshalError {
    MarshalError::new("EOFError", "EOF read where not expected")
}

fn too_short() -> MarshalError {
    MarshalError::new("EOFError", "marshal data too short")
}

fn null_in(what: &str) -> MarshalError {
    MarshalError::new(
        "TypeError",
        format!("NULL object in marshal data for {what}"),
    )
}

fn unhashable(c: &Constant) -> Option<MarshalError> {
    c.unhashable_type()
        .map(|t| MarshalError::new("TypeError", format!("unhashable type: '{t}'")))
}

/// An entry of the reference list.
enum Slot {
    /// A finished object.
    Ready(Constant),
    /// A code object or frozenset being read: CPython registers those only
    /// once complete, so a reference to one is invalid.
    Reserved,
    /// A tuple, list, dict or set being read: CPython registers those
    /// first, so a reference to one makes a container that holds itself.
    /// kaa cannot build that; it reads on with this empty stand-in (of the
    /// same type) and fails at the end.
    Building(Constant),
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Slot>,
    marks: Vec<Mark>,
    /// A reference to a container being read was met.
    cyclic: bool,
}

/// Builds a tuple, list, set or frozenset constant from its items.
type MakeItems = fn(Arc<[Constant]>) -> Constant;

/// A container being read: what `r_object`'s recursion keeps on the C
/// stack, kept here on the heap so that nesting costs no Rust stack.
enum Frame {
    /// A tuple, list, set or frozenset: `remaining` items to go.
    Items {
        make: MakeItems,
        what: &'static str,
        hashable: bool,
        slot: Option<usize>,
        flag: bool,
        remaining: usize,
        items: Vec<Constant>,
    },
    /// A dict: pairs until a NULL; `key` holds a key awaiting its value.
    Dict {
        slot: Option<usize>,
        flag: bool,
        pairs: Vec<(Constant, Constant)>,
        key: Option<Constant>,
    },
    /// A code object: the five int fields, then ten objects with
    /// `co_firstlineno` read after the eighth.
    Code {
        slot: Option<usize>,
        flag: bool,
        header: [i32; 5],
        fields: Vec<Constant>,
        firstlineno: i32,
    },
}

/// What reading an object's type code and header gave.
enum Step {
    /// A whole value (None: TYPE_NULL).
    Value(Option<Constant>),
    /// A container whose parts come next.
    Frame(Frame),
}

/// Reads one object from the start of `data` (`marshal.loads`).
pub(super) fn read_object(data: &[u8]) -> Result<Loaded, MarshalError> {
    let mut r = Reader {
        data,
        pos: 0,
        refs: Vec::new(),
        marks: Vec::new(),
        cyclic: false,
    };
    let mut stack: Vec<Frame> = Vec::new();
    let value = 'read: loop {
        // The depth of the object about to be read, as r_object counts it.
        let depth = stack.len() as u32 + 1;
        let mut value = match r.start(depth)? {
            Step::Value(v) => v,
            Step::Frame(f) => {
                stack.push(f);
                continue;
            }
        };
        // Hand the value to the containers it completes.
        while let Some(frame) = stack.last_mut() {
            match r.accept(frame, value)? {
                None => continue 'read,
                Some(done) => {
                    stack.pop();
                    value = Some(done);
                }
            }
        }
        break value;
    };
    // read_object: a NULL at the top is an error of its own.
    let value = value.ok_or_else(|| null_in("object"))?;
    if r.cyclic {
        return Err(MarshalError::value(
            "bad marshal data (a container that contains itself: not supported by kaa)",
        ));
    }
    Ok(Loaded {
        value,
        layout: Layout { marks: r.marks },
        consumed: r.pos,
    })
}

impl Reader<'_> {
    /// `r_byte`: None at the end of the data.
    fn byte(&mut self) -> Option<u8> {
        let b = self.data.get(self.pos).copied()?;
        self.pos += 1;
        Some(b)
    }

    /// `r_string`: the next `n` bytes.
    fn bytes(&mut self, n: usize) -> Result<&[u8], MarshalError> {
        let end = self.pos.checked_add(n).ok_or_else(too_short)?;
        let s = self.data.get(self.pos..end).ok_or_else(too_short)?;
        self.pos = end;
        Ok(s)
    }

    /// `r_long`: a signed 32-bit little-endian int.
    fn long(&mut self) -> Result<i32, MarshalError> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A size read with `r_long`, rejected when negative with `what`'s
    /// "bad marshal data (... size out of range)".
    fn size(&mut self, what: &str) -> Result<usize, MarshalError> {
        let n = self.long()?;
        usize::try_from(n).map_err(|_| {
            MarshalError::value(&format!("bad marshal data ({what} size out of range)"))
        })
    }

    fn f64(&mut self) -> Result<f64, MarshalError> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    /// `r_float_str`: a length byte and a float's repr (format version 1).
    fn float_str(&mut self) -> Result<f64, MarshalError> {
        let n = self.byte().ok_or_else(eof_byte)? as usize;
        let text = self.bytes(n)?;
        // PyOS_string_to_double sees a C string: it ends at the first NUL.
        let text = match text.iter().position(|&b| b == 0) {
            Some(nul) => &text[..nul],
            None => text,
        };
        std::str::from_utf8(text)
            .ok()
            .filter(|s| s.is_ascii())
            .and_then(|s| s.parse::<f64>().ok())
            .ok_or_else(|| {
                // "'%.200s'": at most 200 bytes, decoded with 'replace'.
                let shown = String::from_utf8_lossy(&text[..text.len().min(200)]);
                MarshalError::value(&format!("could not convert string to float: '{shown}'"))
            })
    }

    /// Reserves a reference slot for an object whose parts come next
    /// (`r_ref_reserve`, or `R_REF` on a container not yet filled).
    fn reserve(&mut self, flag: bool, slot: Slot) -> Result<Option<usize>, MarshalError> {
        if !flag {
            return Ok(None);
        }
        if self.refs.len() >= 0x7fff_fffe {
            return Err(MarshalError::value(
                "bad marshal data (index list too large)",
            ));
        }
        self.refs.push(slot);
        Ok(Some(self.refs.len() - 1))
    }

    /// Fills a reserved slot (`r_ref_insert`) or appends (`r_ref`).
    fn register(&mut self, slot: Option<usize>, flag: bool, value: &Constant) {
        match slot {
            Some(i) => {
                if let Some(s) = self.refs.get_mut(i) {
                    *s = Slot::Ready(value.clone());
                }
            }
            None if flag => self.refs.push(Slot::Ready(value.clone())),
            None => {}
        }
    }

    /// The start of `r_object`: the type code and, for a container, its
    /// header; `depth` is the object's nesting level.
    fn start(&mut self, depth: u32) -> Result<Step, MarshalError> {
        let code = self.byte().ok_or_else(eof_object)?;
        if depth > MAX_DEPTH {
            return Err(MarshalError::value("recursion limit exceeded"));
        }
        self.object_of_type(code & !FLAG_REF, code & FLAG_REF != 0)
    }

    fn object_of_type(&mut self, ty: u8, flag: bool) -> Result<Step, MarshalError> {
        let simple = match ty {
            TYPE_NULL => return Ok(Step::Value(None)),
            TYPE_NONE => Some(Constant::None),
            TYPE_STOPITER => Some(Constant::StopIteration),
            TYPE_ELLIPSIS => Some(Constant::Ellipsis),
            TYPE_FALSE => Some(Constant::Bool(false)),
            TYPE_TRUE => Some(Constant::Bool(true)),
            _ => None,
        };
        if simple.is_some() {
            return Ok(Step::Value(simple));
        }
        if ty == TYPE_REF {
            return Ok(Step::Value(Some(self.reference()?)));
        }
        let mark_at = self.marks.len();
        self.marks.push(Mark::Object {
            flag,
            interned: matches!(
                ty,
                TYPE_INTERNED | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII_INTERNED
            ),
        });
        let value = match ty {
            TYPE_INT => Constant::Int(self.long()? as i64),
            TYPE_INT64 => {
                let b = self.bytes(8)?;
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                Constant::Int(i64::from_le_bytes(a))
            }
            TYPE_LONG => self.long_object()?,
            TYPE_FLOAT => Constant::Float(self.float_str()?),
            TYPE_BINARY_FLOAT => Constant::Float(self.f64()?),
            TYPE_COMPLEX => {
                let re = self.float_str()?;
                let im = self.float_str()?;
                Constant::Complex { re, im }
            }
            TYPE_BINARY_COMPLEX => {
                let re = self.f64()?;
                let im = self.f64()?;
                Constant::Complex { re, im }
            }
            TYPE_STRING => {
                let n = self.size("bytes object")?;
                Constant::Bytes(Arc::from(self.bytes(n)?))
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED => {
                let n = self.size("string")?;
                self.latin1(n)?
            }
            TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let n = self.byte().ok_or_else(eof_byte)? as usize;
                self.latin1(n)?
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size("string")?;
                let b = self.bytes(n)?;
                let s = PyStr::from_utf8_surrogatepass(b)
                    .map_err(|e| MarshalError::new("UnicodeDecodeError", e.to_string()))?;
                Constant::Str(s)
            }
            TYPE_SMALL_TUPLE => {
                let n = self.byte().ok_or_else(eof_byte)? as usize;
                return self.items(n, flag, ty);
            }
            TYPE_TUPLE => {
                let n = self.size("tuple")?;
                return self.items(n, flag, ty);
            }
            TYPE_LIST => {
                let n = self.size("list")?;
                return self.items(n, flag, ty);
            }
            TYPE_SET | TYPE_FROZENSET => {
                let n = self.size("set")?;
                return self.items(n, flag, ty);
            }
            TYPE_DICT => {
                let slot = self.reserve(flag, Slot::Building(Constant::Dict(Arc::from([]))))?;
                return Ok(Step::Frame(Frame::Dict {
                    slot,
                    flag,
                    pairs: Vec::new(),
                    key: None,
                }));
            }
            TYPE_CODE => {
                let slot = self.reserve(flag, Slot::Reserved)?;
                let mut header = [0i32; 5];
                for h in header.iter_mut() {
                    *h = self.long()?;
                }
                return Ok(Step::Frame(Frame::Code {
                    slot,
                    flag,
                    header,
                    fields: Vec::with_capacity(10),
                    firstlineno: 0,
                }));
            }
            _ => {
                self.marks.truncate(mark_at);
                return Err(MarshalError::value("bad marshal data (unknown type code)"));
            }
        };
        self.register(None, flag, &value);
        Ok(Step::Value(Some(value)))
    }

    /// The header of a tuple, list, set or frozenset of `n` items.
    fn items(&mut self, n: usize, flag: bool, ty: u8) -> Result<Step, MarshalError> {
        let (make, what, hashable): (MakeItems, _, _) = match ty {
            TYPE_LIST => (Constant::List, "list", false),
            TYPE_SET => (Constant::Set, "set", true),
            TYPE_FROZENSET => (Constant::FrozenSet, "set", true),
            _ => (Constant::Tuple, "tuple", false),
        };
        // CPython registers tuples, lists and sets before their items, and
        // frozensets (and code objects) only once complete.
        let slot = if ty == TYPE_FROZENSET {
            self.reserve(flag, Slot::Reserved)?
        } else {
            self.reserve(flag, Slot::Building(make(Arc::from([]))))?
        };
        if n == 0 {
            let value = make(Arc::from([]));
            self.register(slot, flag, &value);
            return Ok(Step::Value(Some(value)));
        }
        Ok(Step::Frame(Frame::Items {
            make,
            what,
            hashable,
            slot,
            flag,
            remaining: n,
            // Every item takes at least one byte: never trust `n` further.
            items: Vec::with_capacity(n.min(self.data.len() - self.pos)),
        }))
    }

    /// Gives a container its next part (None: a NULL); returns the
    /// container once it is complete.
    fn accept(
        &mut self,
        frame: &mut Frame,
        part: Option<Constant>,
    ) -> Result<Option<Constant>, MarshalError> {
        match frame {
            Frame::Items {
                make,
                what,
                hashable,
                slot,
                flag,
                remaining,
                items,
            } => {
                let item = part.ok_or_else(|| null_in(what))?;
                if *hashable {
                    if let Some(e) = unhashable(&item) {
                        return Err(e);
                    }
                }
                items.push(item);
                *remaining -= 1;
                if *remaining > 0 {
                    return Ok(None);
                }
                let value = make(Arc::from(std::mem::take(items)));
                self.register(*slot, *flag, &value);
                Ok(Some(value))
            }
            Frame::Dict {
                slot,
                flag,
                pairs,
                key,
            } => {
                // A NULL key ends the dict; so does a NULL value, dropping
                // its key, as CPython does.
                let Some(part) = part else {
                    let value = Constant::Dict(Arc::from(std::mem::take(pairs)));
                    self.register(*slot, *flag, &value);
                    return Ok(Some(value));
                };
                match key.take() {
                    None => *key = Some(part),
                    Some(k) => {
                        if let Some(e) = unhashable(&k) {
                            return Err(e);
                        }
                        pairs.push((k, part));
                    }
                }
                Ok(None)
            }
            Frame::Code {
                slot,
                flag,
                header,
                fields,
                firstlineno,
            } => {
                fields.push(part.ok_or_else(|| null_in("code object"))?);
                if fields.len() == 8 {
                    *firstlineno = self.long()?;
                }
                if fields.len() < 10 {
                    return Ok(None);
                }
                let value = build_code(*header, std::mem::take(fields), *firstlineno)?;
                self.register(*slot, *flag, &value);
                Ok(Some(value))
            }
        }
    }

    /// TYPE_REF: a value read earlier.
    fn reference(&mut self) -> Result<Constant, MarshalError> {
        let n = self.long()?;
        let invalid = || MarshalError::value("bad marshal data (invalid reference)");
        let i = usize::try_from(n).map_err(|_| invalid())?;
        let value = match self.refs.get(i) {
            Some(Slot::Ready(v)) => v.clone(),
            Some(Slot::Building(stand_in)) => {
                self.cyclic = true;
                stand_in.clone()
            }
            Some(Slot::Reserved) | None => return Err(invalid()),
        };
        self.marks.push(Mark::Ref(n as u32));
        Ok(value)
    }

    /// An ASCII-typed str: each byte is one code point (CPython builds it
    /// as a 1-byte-kind string, so bytes above 0x7f read as Latin-1).
    fn latin1(&mut self, n: usize) -> Result<Constant, MarshalError> {
        let b = self.bytes(n)?;
        let s = match std::str::from_utf8(b) {
            Ok(s) if s.is_ascii() => PyStr::new(s),
            _ => PyStr::new(&b.iter().map(|&c| c as char).collect::<String>()),
        };
        Ok(Constant::Str(s))
    }

    /// `r_PyLong`: a digit count, then 15-bit digits, least significant
    /// first.
    fn long_object(&mut self) -> Result<Constant, MarshalError> {
        let n = self.long()?;
        if n == 0 {
            return Ok(Constant::Int(0));
        }
        if n == i32::MIN {
            return Err(MarshalError::value(
                "bad marshal data (long size out of range)",
            ));
        }
        let count = n.unsigned_abs() as usize;
        let mut digits: Vec<u16> = Vec::with_capacity(count.min(self.data.len() / 2 + 1));
        for j in 0..count {
            let b = self.bytes(2)?;
            let md = i16::from_le_bytes([b[0], b[1]]);
            if md < 0 {
                return Err(MarshalError::value(
                    "bad marshal data (digit out of range in long)",
                ));
            }
            if md == 0 && j == count - 1 {
                return Err(MarshalError::value(
                    "bad marshal data (unnormalized long data)",
                ));
            }
            digits.push(md as u16);
        }
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(Constant::int(BigInt::from_biguint(
            sign,
            from_digits15(&digits),
        )))
    }
}

/// A code object from its marshalled fields, with the checks of
/// `_PyCode_Validate` and `_PyCode_New`, in CPython's order.
fn build_code(
    header: [i32; 5],
    fields: Vec<Constant>,
    firstlineno: i32,
) -> Result<Constant, MarshalError> {
    let [argcount, posonlyargcount, kwonlyargcount, stacksize, flags] = header;
    let bad = || MarshalError::new("SystemError", BAD_INTERNAL_CALL);
    let [code, consts, names, lpnames, lpkinds, filename, name, qualname, linetable, exceptiontable] =
        fields.as_slice()
    else {
        return Err(bad());
    };
    let (
        Constant::Bytes(code),
        Constant::Tuple(consts),
        Constant::Tuple(names),
        Constant::Tuple(lpnames),
        Constant::Bytes(lpkinds),
        Constant::Str(filename),
        Constant::Str(name),
        Constant::Str(qualname),
        Constant::Bytes(linetable),
        Constant::Bytes(exceptiontable),
    ) = (
        code,
        consts,
        names,
        lpnames,
        lpkinds,
        filename,
        name,
        qualname,
        linetable,
        exceptiontable,
    )
    else {
        return Err(bad());
    };
    if argcount < posonlyargcount
        || posonlyargcount < 0
        || kwonlyargcount < 0
        || stacksize < 0
        || flags < 0
        || lpnames.len() != lpkinds.len()
    {
        return Err(bad());
    }
    if code.len() % 2 != 0 {
        return Err(MarshalError::value("code: co_code is malformed"));
    }
    // nplainlocals = nlocals - argcount - kwonlyargcount - varargs -
    // varkeywords, in C int arithmetic.
    let nlocals = lpkinds.iter().filter(|&&k| k & CO_FAST_LOCAL != 0).count() as i32;
    let nplain = nlocals
        .wrapping_sub(argcount)
        .wrapping_sub(kwonlyargcount)
        .wrapping_sub((flags & crate::code::CO_VARARGS as i32 != 0) as i32)
        .wrapping_sub((flags & crate::code::CO_VARKEYWORDS as i32 != 0) as i32);
    if nplain < 0 {
        return Err(MarshalError::value("code: co_varnames is too small"));
    }
    let names = str_items(names)?;
    let localsplusnames = str_items(lpnames)?;
    let value = Constant::Code(Arc::new(CodeObject {
        argcount: argcount as u32,
        posonlyargcount: posonlyargcount as u32,
        kwonlyargcount: kwonlyargcount as u32,
        stacksize: stacksize as u32,
        flags: flags as u32,
        code: code.to_vec(),
        consts: consts.to_vec(),
        names,
        localsplusnames,
        localspluskinds: lpkinds.to_vec(),
        filename: filename.clone(),
        name: name.clone(),
        qualname: qualname.clone(),
        firstlineno,
        linetable: linetable.to_vec(),
        exceptiontable: exceptiontable.to_vec(),
    }));
    Ok(value)
}

/// `intern_strings`: a names tuple must hold only str.
fn str_items(items: &[Constant]) -> Result<Vec<PyStr>, MarshalError> {
    items
        .iter()
        .map(|c| match c {
            Constant::Str(s) => Ok(s.clone()),
            _ => Err(MarshalError::new(
                "SystemError",
                "non-string found in code slot",
            )),
        })
        .collect()
}

/// The number whose base-2**15 digits, least significant first, are
/// `digits` (linear time: the bits are repacked into 32-bit words).
fn from_digits15(digits: &[u16]) -> BigUint {
    let mut words = Vec::with_capacity(digits.len() * 15 / 32 + 1);
    let (mut acc, mut bits) = (0u64, 0u32);
    for &d in digits {
        acc |= (d as u64 & 0x7fff) << bits;
        bits += 15;
        if bits >= 32 {
            words.push(acc as u32);
            acc >>= 32;
            bits -= 32;
        }
    }
    if bits > 0 {
        words.push(acc as u32);
    }
    BigUint::new(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_float(s: &[u8]) -> String {
        let mut data = vec![TYPE_FLOAT, s.len() as u8];
        data.extend_from_slice(s);
        match read_object(&data) {
            Ok(Loaded {
                value: Constant::Float(f),
                ..
            }) => format!("ok {}", crate::repr::repr_float(f)),
            Ok(_) => "not a float".to_string(),
            Err(e) => format!("{}: {}", e.kind, e.message),
        }
    }

    /// TYPE_FLOAT's text: python3's `marshal.loads(b'f' + ...)` answers.
    #[test]
    fn text_floats_as_cpython() {
        let cases: [(&[u8], &str); 12] = [
            (b"1.5", "ok 1.5"),
            (
                b"  1",
                "ValueError: could not convert string to float: '  1'",
            ),
            (b"5.", "ok 5.0"),
            (b"-Infinity", "ok -inf"),
            (b"+NaN", "ok nan"),
            (
                b"1_0",
                "ValueError: could not convert string to float: '1_0'",
            ),
            (
                b"0x10",
                "ValueError: could not convert string to float: '0x10'",
            ),
            (b"1e", "ValueError: could not convert string to float: '1e'"),
            (b"1.5\x00junk", "ok 1.5"),
            (
                b"\xff",
                "ValueError: could not convert string to float: '\u{fffd}'",
            ),
            (b"1e400", "ok inf"),
            (b"-0", "ok -0.0"),
        ];
        for (text, want) in cases {
            assert_eq!(text_float(text), want, "{text:?}");
        }
    }
}
