//! Writing marshal data: `w_object` in Python/marshal.c. Where FLAG_REF
//! goes, and which objects become back-references, is decided by a
//! [`Policy`]: replaying a [`Layout`] read from data, or predicting
//! CPython's sharing (`predict.rs`).

use num_bigint::BigInt;

use super::predict::Predictor;
use super::*;

/// Decides, object by object in write order, how each is written.
pub(super) trait Policy<'a> {
    /// How to write `obj`, found at `role`; None when a replayed layout
    /// does not fit the value.
    fn decide(&mut self, obj: Obj<'a>, role: Role<'a>) -> Option<Mark>;

    /// The order in which to write a set's elements (indices into `items`).
    fn set_order(&mut self, items: &'a [Constant]) -> Vec<usize>;
}

/// Why writing stopped.
pub(super) enum Fail {
    /// The layout being replayed does not fit the value.
    Mismatch,
    /// CPython would raise this.
    Error(MarshalError),
}

fn too_deep() -> Fail {
    Fail::Error(MarshalError::value("object too deeply nested to marshal"))
}

fn unmarshallable() -> Fail {
    Fail::Error(MarshalError::value("unmarshallable object"))
}

/// `marshal.dumps`, FLAG_REF predicted.
pub(super) fn dumps_predicted(obj: Obj<'_>) -> Result<Vec<u8>, MarshalError> {
    let mut policy = Predictor::new(obj, Role::Top);
    match write_with(&mut policy, obj, Role::Top) {
        Ok(out) => Ok(out),
        Err(Fail::Error(e)) => Err(e),
        // The predictor always decides.
        Err(Fail::Mismatch) => Err(unmarshallable_error()),
    }
}

/// `marshal.dumps` of a code object met inside other data, FLAG_REF
/// predicted, its back-references numbered from `first_ref`; also returns
/// the next free reference index.
pub(super) fn dumps_code_nested(
    code: &CodeObject,
    first_ref: u32,
) -> Result<(Vec<u8>, u32), MarshalError> {
    let obj = Obj::Code(code);
    let mut policy = Predictor::new(obj, Role::Top).starting_at(first_ref);
    match write_with(&mut policy, obj, Role::Top) {
        Ok(out) => Ok((out, policy.next_ref())),
        Err(Fail::Error(e)) => Err(e),
        Err(Fail::Mismatch) => Err(unmarshallable_error()),
    }
}

/// The bytes CPython sorts a set element by: the element written on its
/// own, held only by its set (so flagged only when cached or interned).
pub(super) fn dumps_set_key(obj: Obj<'_>) -> Result<Vec<u8>, MarshalError> {
    let mut policy = Predictor::new(obj, Role::Item);
    match write_with(&mut policy, obj, Role::Item) {
        Ok(out) => Ok(out),
        Err(Fail::Error(e)) => Err(e),
        Err(Fail::Mismatch) => Err(unmarshallable_error()),
    }
}

fn unmarshallable_error() -> MarshalError {
    MarshalError::value("unmarshallable object")
}

/// `marshal.dumps` replaying `layout`; None if it does not fit.
pub(super) fn dumps_replayed(
    obj: Obj<'_>,
    layout: &Layout,
) -> Option<Result<Vec<u8>, MarshalError>> {
    let mut policy = Replay {
        marks: &layout.marks,
        next: 0,
        table: Vec::new(),
    };
    match write_with(&mut policy, obj, Role::Top) {
        Ok(out) if policy.next == layout.marks.len() => Some(Ok(out)),
        Ok(_) | Err(Fail::Mismatch) => None,
        Err(Fail::Error(e)) => Some(Err(e)),
    }
}

/// Writes `obj` as the top-level object of a fresh stream.
pub(super) fn write_with<'a, P: Policy<'a>>(
    policy: &mut P,
    obj: Obj<'a>,
    role: Role<'a>,
) -> Result<Vec<u8>, Fail> {
    let mut w = Writer {
        out: Vec::new(),
        policy,
    };
    w.run(obj, role)?;
    Ok(w.out)
}

/// What remains to be written, innermost last: `w_object`'s recursion
/// kept on the heap, so that nesting costs no Rust stack.
enum Task<'a> {
    /// An object at a nesting depth.
    Obj(Obj<'a>, Role<'a>, u32),
    /// A raw int32 (`co_firstlineno`).
    Long(i32),
    /// The NULL that ends a dict, at a nesting depth.
    Null(u32),
}

struct Writer<'p, P> {
    out: Vec<u8>,
    policy: &'p mut P,
}

impl<'a, P: Policy<'a>> Writer<'_, P> {
    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    /// `W_SIZE`: a length, refused past 2**31 - 1.
    fn size(&mut self, n: usize) -> Result<(), Fail> {
        let n = i32::try_from(n).map_err(|_| unmarshallable())?;
        self.long(n);
        Ok(())
    }

    fn run(&mut self, root: Obj<'a>, role: Role<'a>) -> Result<(), Fail> {
        let mut tasks = vec![Task::Obj(root, role, 1)];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Obj(obj, role, depth) => self.object(obj, role, depth, &mut tasks)?,
                Task::Long(x) => self.long(x),
                Task::Null(depth) => {
                    // The NULL is an object too: its depth counts.
                    if depth > MAX_DEPTH {
                        return Err(too_deep());
                    }
                    self.out.push(TYPE_NULL);
                }
            }
        }
        Ok(())
    }

    /// `w_object`: writes the object's header and queues its parts.
    fn object(
        &mut self,
        obj: Obj<'a>,
        role: Role<'a>,
        depth: u32,
        tasks: &mut Vec<Task<'a>>,
    ) -> Result<(), Fail> {
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        if let Obj::Const(c) = obj {
            let byte = match c {
                Constant::None => Some(TYPE_NONE),
                Constant::StopIteration => Some(TYPE_STOPITER),
                Constant::Ellipsis => Some(TYPE_ELLIPSIS),
                Constant::Bool(false) => Some(TYPE_FALSE),
                Constant::Bool(true) => Some(TYPE_TRUE),
                _ => None,
            };
            if let Some(b) = byte {
                self.out.push(b);
                return Ok(());
            }
        }
        let (flag, interned) = match self.policy.decide(obj, role).ok_or(Fail::Mismatch)? {
            Mark::Ref(n) => {
                self.out.push(TYPE_REF);
                self.long(n as i32);
                return Ok(());
            }
            Mark::Object { flag, interned } => (if flag { FLAG_REF } else { 0 }, interned),
        };
        let inner = depth + 1;
        match obj {
            Obj::Const(c) => self.constant(c, flag, interned, inner, tasks),
            Obj::Code(code) => {
                self.code(code, flag, inner, tasks);
                Ok(())
            }
            Obj::Str(s) => self.str(s, flag, interned),
            Obj::Bytes(b) => self.bytes(b, flag),
            Obj::Tuple(items) => {
                self.tuple_header(items.len(), flag)?;
                for item in items.iter().rev() {
                    tasks.push(Task::Obj(Obj::Const(item), Role::Item, inner));
                }
                Ok(())
            }
            Obj::StrTuple(items) => {
                self.tuple_header(items.len(), flag)?;
                for item in items.iter().rev() {
                    tasks.push(Task::Obj(Obj::Str(item), Role::Name, inner));
                }
                Ok(())
            }
        }
    }

    fn constant(
        &mut self,
        c: &'a Constant,
        flag: u8,
        interned: bool,
        inner: u32,
        tasks: &mut Vec<Task<'a>>,
    ) -> Result<(), Fail> {
        let queue = |tasks: &mut Vec<Task<'a>>, items: &'a [Constant], role: Role<'a>| {
            for item in items.iter().rev() {
                tasks.push(Task::Obj(Obj::Const(item), role, inner));
            }
        };
        match c {
            Constant::Int(i) => match i32::try_from(*i) {
                Ok(v) => {
                    self.out.push(TYPE_INT | flag);
                    self.long(v);
                }
                Err(_) => self.long_object(&BigInt::from(*i), flag)?,
            },
            Constant::BigInt(i) => self.long_object(i, flag)?,
            Constant::Float(f) => {
                self.out.push(TYPE_BINARY_FLOAT | flag);
                self.out.extend_from_slice(&f.to_le_bytes());
            }
            Constant::Complex { re, im } => {
                self.out.push(TYPE_BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            }
            Constant::Str(s) => self.str(s, flag, interned)?,
            Constant::Bytes(b) => self.bytes(b, flag)?,
            Constant::Tuple(items) => {
                self.tuple_header(items.len(), flag)?;
                queue(tasks, items, Role::Item);
            }
            Constant::List(items) => {
                self.out.push(TYPE_LIST | flag);
                self.size(items.len())?;
                queue(tasks, items, Role::Item);
            }
            Constant::Dict(pairs) => {
                self.out.push(TYPE_DICT | flag);
                tasks.push(Task::Null(inner));
                for (k, v) in pairs.iter().rev() {
                    tasks.push(Task::Obj(Obj::Const(v), Role::Item, inner));
                    tasks.push(Task::Obj(Obj::Const(k), Role::Item, inner));
                }
            }
            Constant::Set(items) | Constant::FrozenSet(items) => {
                let ty = if matches!(c, Constant::Set(_)) {
                    TYPE_SET
                } else {
                    TYPE_FROZENSET
                };
                self.out.push(ty | flag);
                self.size(items.len())?;
                for i in self.policy.set_order(items).into_iter().rev() {
                    if let Some(item) = items.get(i) {
                        tasks.push(Task::Obj(Obj::Const(item), Role::SetElement, inner));
                    }
                }
            }
            Constant::Code(code) => self.code(code, flag, inner, tasks),
            Constant::None | Constant::Ellipsis | Constant::StopIteration | Constant::Bool(_) => {}
        }
        Ok(())
    }

    fn tuple_header(&mut self, n: usize, flag: u8) -> Result<(), Fail> {
        if n < 256 {
            self.out.push(TYPE_SMALL_TUPLE | flag);
            self.out.push(n as u8);
            Ok(())
        } else {
            self.out.push(TYPE_TUPLE | flag);
            self.size(n)
        }
    }

    fn bytes(&mut self, b: &[u8], flag: u8) -> Result<(), Fail> {
        self.out.push(TYPE_STRING | flag);
        self.size(b.len())?;
        self.out.extend_from_slice(b);
        Ok(())
    }

    /// A str: short ASCII, ASCII or UTF-8 (surrogatepass), interned or not.
    fn str(&mut self, s: &PyStr, flag: u8, interned: bool) -> Result<(), Fail> {
        match s.as_str().filter(|t| t.is_ascii()) {
            Some(t) if t.len() < 256 => {
                let ty = if interned {
                    TYPE_SHORT_ASCII_INTERNED
                } else {
                    TYPE_SHORT_ASCII
                };
                self.out.push(ty | flag);
                self.out.push(t.len() as u8);
                self.out.extend_from_slice(t.as_bytes());
            }
            Some(t) => {
                let ty = if interned {
                    TYPE_ASCII_INTERNED
                } else {
                    TYPE_ASCII
                };
                self.out.push(ty | flag);
                self.size(t.len())?;
                self.out.extend_from_slice(t.as_bytes());
            }
            None => {
                let ty = if interned {
                    TYPE_INTERNED
                } else {
                    TYPE_UNICODE
                };
                let utf8 = s.to_utf8_surrogatepass();
                self.out.push(ty | flag);
                self.size(utf8.len())?;
                self.out.extend_from_slice(&utf8);
            }
        }
        Ok(())
    }

    /// `w_PyLong`: the number of 15-bit digits (negative for negative
    /// numbers), then the digits, least significant first.
    fn long_object(&mut self, i: &BigInt, flag: u8) -> Result<(), Fail> {
        let digits = digits15(i);
        self.out.push(TYPE_LONG | flag);
        let n = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
        self.long(if i.sign() == num_bigint::Sign::Minus {
            -n
        } else {
            n
        });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }

    /// TYPE_CODE: the int fields now, the objects queued in CPython 3.11's
    /// order.
    fn code(&mut self, code: &'a CodeObject, flag: u8, inner: u32, tasks: &mut Vec<Task<'a>>) {
        self.out.push(TYPE_CODE | flag);
        for x in [
            code.argcount,
            code.posonlyargcount,
            code.kwonlyargcount,
            code.stacksize,
            code.flags,
        ] {
            self.long(x as i32);
        }
        let parts = [
            Task::Obj(Obj::Bytes(&code.code), Role::CodeBytes, inner),
            Task::Obj(Obj::Tuple(&code.consts), Role::FieldTuple, inner),
            Task::Obj(Obj::StrTuple(&code.names), Role::FieldTuple, inner),
            Task::Obj(
                Obj::StrTuple(&code.localsplusnames),
                Role::FieldTuple,
                inner,
            ),
            Task::Obj(Obj::Bytes(&code.localspluskinds), Role::Kinds, inner),
            Task::Obj(Obj::Str(&code.filename), Role::Filename, inner),
            Task::Obj(Obj::Str(&code.name), Role::CodeName, inner),
            Task::Obj(Obj::Str(&code.qualname), Role::QualName(code), inner),
            Task::Long(code.firstlineno),
            Task::Obj(Obj::Bytes(&code.linetable), Role::Table, inner),
            Task::Obj(Obj::Bytes(&code.exceptiontable), Role::Table, inner),
        ];
        tasks.extend(parts.into_iter().rev());
    }
}

/// The base-2**15 digits of |i|, least significant first, none for 0.
fn digits15(i: &BigInt) -> Vec<u16> {
    let words = i.magnitude().to_u32_digits();
    let mut out = Vec::with_capacity(words.len() * 32 / 15 + 1);
    let (mut acc, mut bits) = (0u64, 0u32);
    for w in words {
        acc |= (w as u64) << bits;
        bits += 32;
        while bits >= 15 {
            out.push((acc & 0x7fff) as u16);
            acc >>= 15;
            bits -= 15;
        }
    }
    while acc != 0 {
        out.push((acc & 0x7fff) as u16);
        acc >>= 15;
    }
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}

/// Replays a [`Layout`].
struct Replay<'a> {
    marks: &'a [Mark],
    next: usize,
    /// The objects written with FLAG_REF, by reference index.
    table: Vec<Obj<'a>>,
}

impl<'a> Policy<'a> for Replay<'a> {
    fn decide(&mut self, obj: Obj<'a>, _role: Role<'a>) -> Option<Mark> {
        let mark = *self.marks.get(self.next)?;
        self.next += 1;
        match mark {
            Mark::Ref(n) => {
                let earlier = self.table.get(n as usize)?;
                same(*earlier, obj).then_some(mark)
            }
            Mark::Object { flag, .. } => {
                if flag {
                    self.table.push(obj);
                }
                Some(mark)
            }
        }
    }

    fn set_order(&mut self, items: &'a [Constant]) -> Vec<usize> {
        (0..items.len()).collect()
    }
}

/// An object reduced to its Python type and value, for [`same`].
enum View<'a> {
    Str(&'a PyStr),
    Bytes(&'a [u8]),
    Code(&'a CodeObject),
    Consts(&'a [Constant]),
    Strs(&'a [PyStr]),
    Other(&'a Constant),
}

fn view(o: Obj<'_>) -> View<'_> {
    match o {
        Obj::Str(s) | Obj::Const(Constant::Str(s)) => View::Str(s),
        Obj::Bytes(b) => View::Bytes(b),
        Obj::Const(Constant::Bytes(b)) => View::Bytes(b),
        Obj::Code(c) => View::Code(c),
        Obj::Const(Constant::Code(c)) => View::Code(c),
        Obj::Tuple(t) => View::Consts(t),
        Obj::Const(Constant::Tuple(t)) => View::Consts(t),
        Obj::StrTuple(t) => View::Strs(t),
        Obj::Const(c) => View::Other(c),
    }
}

/// Whether two objects are the same value (a back-reference may stand for
/// the second): a code object's str, bytes and tuple fields compare with
/// the constants of the same type.
fn same(a: Obj<'_>, b: Obj<'_>) -> bool {
    let str_eq = |c: &Constant, s: &PyStr| matches!(c, Constant::Str(t) if t == s);
    match (view(a), view(b)) {
        (View::Str(x), View::Str(y)) => x == y,
        (View::Bytes(x), View::Bytes(y)) => x == y,
        (View::Code(x), View::Code(y)) => std::ptr::eq(x, y) || x == y,
        (View::Consts(x), View::Consts(y)) => x == y,
        (View::Strs(x), View::Strs(y)) => x == y,
        (View::Consts(x), View::Strs(y)) | (View::Strs(y), View::Consts(x)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(c, s)| str_eq(c, s))
        }
        (View::Other(x), View::Other(y)) => x == y,
        _ => false,
    }
}
