//! Predicting where CPython 3.11 puts FLAG_REF in `marshal.dumps(code)`.
//!
//! CPython's `w_ref` flags an object when its reference count is above one
//! (or it is an interned str) and writes a back-reference when it meets a
//! flagged object again. For a freshly compiled module the counts follow
//! from how the compiler shares objects, which kaa mirrors here:
//!
//! - equal constants are one object across the whole module (the
//!   compiler's constant cache merges them, items of tuples and frozensets
//!   included), so a constant used twice is flagged;
//! - names (`co_names`, `co_localsplusnames`), identifier-like str
//!   constants and function names are interned: always flagged, and one
//!   object with every equal interned str;
//! - small ints (-5..=256), the empty str, tuple and bytes, one-byte bytes
//!   and one-character Latin-1 strs are cached singletons: always flagged;
//! - `co_code` is cached on the code object, `co_filename` is one object
//!   shared by every code object of the module, and the names of
//!   `<module>`, `<lambda>` and the comprehensions are static strings:
//!   always flagged;
//! - `co_qualname` is `co_name` itself for top-level definitions and the
//!   class body's `__qualname__` constant for classes (unless an equal
//!   constant came first in the module); otherwise a fresh str;
//! - a frozenset constant holding identifiers is rebuilt for each code
//!   object when `_PyCode_New` interns them (when an equal str was interned
//!   before, as identifiers mostly are): never shared;
//! - NaN constants are never merged (a NaN is only equal to itself);
//! - the top-level object is flagged (its caller holds it), and so is every
//!   set element (the writer holds each while it sorts them).
//!
//! - `co_consts`, `co_names`, `co_localsplusnames`, `co_linetable` and
//!   `co_exceptiontable` go through the same constant cache: equal ones are
//!   one object, shared with equal constants too.
//!
//! Every other object (`co_localspluskinds`, nested code objects...) has
//! one reference and is written unflagged. Which objects are "the same" is decided by value
//! ("classes"), computed once per distinct allocation so that shared
//! values never cost more than once.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use num_bigint::BigInt;

use super::write::{write_with, Policy};
use super::*;

/// The names CPython 3.11's compiler gives code objects from static
/// strings (`_Py_STR(anon_...)`): not interned, but never freed.
const STATIC_NAMES: [&str; 6] = [
    "<module>",
    "<lambda>",
    "<genexpr>",
    "<listcomp>",
    "<setcomp>",
    "<dictcomp>",
];

/// Which object a value is: one of the singletons marshal writes without
/// FLAG_REF, or a class of equal-and-shared objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Ident {
    /// None, Ellipsis, StopIteration, False, True.
    Singleton(u8),
    /// An index into `Census::classes`.
    Class(u32),
}

/// What makes two objects one object.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Int(i64),
    BigInt(Arc<BigInt>),
    Float(u64),
    Complex(u64, u64),
    /// A str; `None` for the cached one-character and empty strs, whose
    /// interned state is shared by every use.
    Str(Option<bool>, PyStr),
    Bytes(Arc<[u8]>),
    Tuple(Vec<Ident>),
    FrozenSet(Vec<Ident>),
    Filename(PyStr),
    /// A static code name (`<module>`, `<lambda>`...): not the same object
    /// as an equal str constant.
    Static(PyStr),
    /// An object of its own (code objects and their parts, lists...).
    Unique(usize),
}

#[derive(Clone, Copy, Debug)]
struct ClassInfo {
    /// Flagged whatever its count (interned, cached, static).
    always: bool,
    /// Never flagged, whatever its count: each use is its own object.
    never: bool,
    /// Written with the interned str type codes.
    interned: bool,
    /// References from other objects.
    count: u32,
}

/// A step of [`Census::classify`]'s walk.
enum Visit<'a> {
    /// Classify this object (its parts first).
    Enter(Obj<'a>, Role<'a>),
    /// The parts are classified (from this index of the results on): now
    /// the container.
    Exit(Open<'a>, usize),
}

/// A container waiting for its parts' classes.
enum Open<'a> {
    /// A constant tuple or frozenset.
    Seq {
        memo: (usize, usize, u8),
        frozen: bool,
    },
    /// `co_consts`, `co_names` or `co_localsplusnames`.
    Field { memo: (usize, usize, u8) },
    /// A list, set or dict: always an object of its own.
    Mutable { memo: (usize, usize, u8) },
    /// A code object.
    Code(&'a CodeObject),
}

/// What entering an object gave.
enum Entered<'a> {
    /// Its class.
    Leaf(Ident),
    /// Its parts, to classify first.
    Open(Open<'a>, Vec<(Obj<'a>, Role<'a>)>),
}

/// The classes of every object under a root, with their reference counts.
#[derive(Default)]
struct Census {
    classes: Vec<ClassInfo>,
    by_key: HashMap<Key, u32>,
    /// Classes of containers, by (address, length, kind): each allocation
    /// is classified once.
    memo: HashMap<(usize, usize, u8), Ident>,
    /// The class of each code object's `co_qualname`, by code address.
    qualnames: HashMap<usize, Ident>,
    /// The str constants met so far, in compile (pre-)order.
    seen_strs: HashSet<PyStr>,
    /// Whether a code object's co_qualname is its `__qualname__` constant,
    /// by code address.
    qualname_is_const: HashMap<usize, bool>,
    /// Whether a frozenset holds identifier-like strs, by its memo key.
    frozenset_strs: HashMap<(usize, usize, u8), bool>,
    unique: usize,
}

/// `all_name_chars` in Objects/codeobject.c: which str constants the
/// compiler interns.
fn all_name_chars(s: &PyStr) -> bool {
    s.as_str()
        .is_some_and(|t| t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

/// Whether interning an identifier-like str constant most likely finds an
/// equal str interned already (so that `_PyCode_New` must replace a
/// frozenset holding it): true for identifiers, which the runtime and the
/// module's own names intern; false for digit strings like "225".
fn likely_interned(s: &PyStr) -> bool {
    all_name_chars(s)
        && s.as_str()
            .is_some_and(|t| t.bytes().next().is_some_and(|b| !b.is_ascii_digit()))
}

const MEMO_TUPLE: u8 = 0;
const MEMO_FROZENSET: u8 = 1;
const MEMO_MUTABLE: u8 = 2;
const MEMO_FIELD: u8 = 3;
const MEMO_CODE: u8 = 4;

impl Census {
    fn build(root: Obj<'_>, role: Role<'_>) -> Census {
        let mut census = Census::default();
        census.classify(root, role);
        census
    }

    /// The class for `key`, made (and its children's counts raised) the
    /// first time.
    fn class(&mut self, key: Key, always: bool, interned: bool, children: &[Ident]) -> Ident {
        if let Some(&c) = self.by_key.get(&key) {
            if let Some(info) = self.classes.get_mut(c as usize) {
                info.always |= always;
                info.interned |= interned;
            }
            return Ident::Class(c);
        }
        let c = self.classes.len() as u32;
        self.classes.push(ClassInfo {
            always,
            never: false,
            interned,
            count: 0,
        });
        self.by_key.insert(key, c);
        for child in children {
            if let Ident::Class(k) = child {
                if let Some(info) = self.classes.get_mut(*k as usize) {
                    info.count += 1;
                }
            }
        }
        Ident::Class(c)
    }

    fn unique(&mut self, always: bool, children: &[Ident]) -> Ident {
        self.unique += 1;
        self.class(Key::Unique(self.unique), always, false, children)
    }

    fn info(&self, id: Ident) -> Option<ClassInfo> {
        match id {
            Ident::Class(c) => self.classes.get(c as usize).copied(),
            Ident::Singleton(_) => None,
        }
    }

    /// The class of `obj` at `role`, classifying everything inside it
    /// first (post-order, with an explicit stack: nesting costs no Rust
    /// stack).
    fn classify<'a>(&mut self, obj: Obj<'a>, role: Role<'a>) -> Ident {
        let mut work = vec![Visit::Enter(obj, role)];
        let mut done: Vec<Ident> = Vec::new();
        while let Some(visit) = work.pop() {
            match visit {
                Visit::Enter(obj, role) => match self.enter(obj, role) {
                    Entered::Leaf(id) => done.push(id),
                    Entered::Open(open, parts) => {
                        work.push(Visit::Exit(open, done.len()));
                        work.extend(parts.into_iter().rev().map(|(o, r)| Visit::Enter(o, r)));
                    }
                },
                Visit::Exit(open, base) => {
                    let parts = done.split_off(base.min(done.len()));
                    let id = self.close(open, parts);
                    done.push(id);
                }
            }
        }
        done.pop().unwrap_or(Ident::Singleton(0))
    }

    /// An object's class if it has no parts to classify first (or was
    /// classified before), else its parts.
    fn enter<'a>(&mut self, obj: Obj<'a>, role: Role<'a>) -> Entered<'a> {
        let items = |items: &'a [Constant]| -> Vec<(Obj<'a>, Role<'a>)> {
            items.iter().map(|c| (Obj::Const(c), Role::Item)).collect()
        };
        let c = match obj {
            Obj::Const(c) => c,
            Obj::Code(code) => return self.enter_code(code),
            Obj::Str(s) => return Entered::Leaf(self.string(s, role)),
            Obj::Bytes(b) => return Entered::Leaf(self.field_bytes(b, role)),
            Obj::Tuple(consts) => {
                let memo = (consts.as_ptr() as usize, consts.len(), MEMO_FIELD);
                return match self.memo.get(&memo) {
                    Some(&id) => Entered::Leaf(id),
                    None => Entered::Open(Open::Field { memo }, items(consts)),
                };
            }
            Obj::StrTuple(names) => {
                let memo = (names.as_ptr() as usize, names.len(), MEMO_FIELD);
                return match self.memo.get(&memo) {
                    Some(&id) => Entered::Leaf(id),
                    None => Entered::Open(
                        Open::Field { memo },
                        names.iter().map(|s| (Obj::Str(s), Role::Name)).collect(),
                    ),
                };
            }
        };
        let leaf = match c {
            Constant::None => Ident::Singleton(0),
            Constant::Ellipsis => Ident::Singleton(1),
            Constant::StopIteration => Ident::Singleton(2),
            Constant::Bool(b) => Ident::Singleton(3 + *b as u8),
            Constant::Int(i) => self.class(Key::Int(*i), (-5..=256).contains(i), false, &[]),
            Constant::BigInt(i) => self.class(Key::BigInt(i.clone()), false, false, &[]),
            // A NaN is only equal to itself: the compiler never merges two
            // NaN constants (they come from folding, one object each).
            Constant::Float(f) if f.is_nan() => self.unique(false, &[]),
            Constant::Complex { re, im } if re.is_nan() || im.is_nan() => self.unique(false, &[]),
            Constant::Float(f) => self.class(Key::Float(f.to_bits()), false, false, &[]),
            Constant::Complex { re, im } => {
                self.class(Key::Complex(re.to_bits(), im.to_bits()), false, false, &[])
            }
            Constant::Str(s) => {
                if matches!(role, Role::Item) && !self.seen_strs.contains(s) {
                    self.seen_strs.insert(s.clone());
                }
                self.string(s, role)
            }
            Constant::Bytes(b) => self.class(Key::Bytes(b.clone()), b.len() <= 1, false, &[]),
            Constant::Code(code) => return self.enter_code(code),
            Constant::Tuple(list) | Constant::FrozenSet(list) => {
                let frozen = matches!(c, Constant::FrozenSet(_));
                let kind = if frozen { MEMO_FROZENSET } else { MEMO_TUPLE };
                let memo = (list.as_ptr() as usize, list.len(), kind);
                if frozen {
                    let interns = list
                        .iter()
                        .any(|c| matches!(c, Constant::Str(s) if likely_interned(s)));
                    self.frozenset_strs.insert(memo, interns);
                }
                match self.memo.get(&memo) {
                    Some(&id) => id,
                    None => return Entered::Open(Open::Seq { memo, frozen }, items(list)),
                }
            }
            Constant::List(list) | Constant::Set(list) => {
                let memo = (list.as_ptr() as usize, list.len(), MEMO_MUTABLE);
                match self.memo.get(&memo) {
                    Some(&id) => id,
                    None => return Entered::Open(Open::Mutable { memo }, items(list)),
                }
            }
            Constant::Dict(pairs) => {
                let memo = (pairs.as_ptr() as usize, pairs.len(), MEMO_MUTABLE);
                match self.memo.get(&memo) {
                    Some(&id) => id,
                    None => {
                        let parts = pairs
                            .iter()
                            .flat_map(|(k, v)| {
                                [(Obj::Const(k), Role::Item), (Obj::Const(v), Role::Item)]
                            })
                            .collect();
                        return Entered::Open(Open::Mutable { memo }, parts);
                    }
                }
            }
        };
        Entered::Leaf(leaf)
    }

    /// `co_code` (a fresh bytes object, cached on the code object: two
    /// references), `co_localspluskinds` (fresh), or a table (merged into
    /// the constant cache: equal tables and bytes constants are one).
    fn field_bytes(&mut self, b: &[u8], role: Role<'_>) -> Ident {
        if b.is_empty() {
            return self.class(Key::Bytes(Arc::from(b)), true, false, &[]);
        }
        if matches!(role, Role::Table) {
            return self.class(Key::Bytes(Arc::from(b)), false, false, &[]);
        }
        let memo = (b.as_ptr() as usize, b.len(), MEMO_FIELD);
        if let Some(&id) = self.memo.get(&memo) {
            return id;
        }
        let id = self.unique(matches!(role, Role::CodeBytes), &[]);
        self.memo.insert(memo, id);
        id
    }

    fn enter_code<'a>(&mut self, code: &'a CodeObject) -> Entered<'a> {
        let memo = (code as *const CodeObject as usize, 0, MEMO_CODE);
        if let Some(&id) = self.memo.get(&memo) {
            return Entered::Leaf(id);
        }
        // A class body stores its qualname as `__qualname__`, adding the
        // compiler's qualname str to the constant cache; that str is then
        // co_qualname too, unless an equal constant was cached earlier in
        // the compile (another class of the same qualname), which the
        // constant becomes instead.
        let is_class_body = code.flags & crate::code::CO_OPTIMIZED == 0
            && code
                .names
                .iter()
                .any(|n| n.as_str() == Some("__qualname__"));
        let shares =
            is_class_body && code.qualname != code.name && !self.seen_strs.contains(&code.qualname);
        self.qualname_is_const.insert(memo.0, shares);
        let parts = vec![
            (Obj::Bytes(&code.code), Role::CodeBytes),
            (Obj::Tuple(&code.consts), Role::FieldTuple),
            (Obj::StrTuple(&code.names), Role::FieldTuple),
            (Obj::StrTuple(&code.localsplusnames), Role::FieldTuple),
            (Obj::Bytes(&code.localspluskinds), Role::Kinds),
            (Obj::Str(&code.filename), Role::Filename),
            (Obj::Str(&code.name), Role::CodeName),
            (Obj::Bytes(&code.linetable), Role::Table),
            (Obj::Bytes(&code.exceptiontable), Role::Table),
        ];
        Entered::Open(Open::Code(code), parts)
    }

    /// The class of a container whose parts' classes are `parts`.
    fn close(&mut self, open: Open<'_>, parts: Vec<Ident>) -> Ident {
        match open {
            // Equal constant tuples and frozensets are one object; so are
            // co_consts, co_names and co_localsplusnames, which the
            // compiler merges into the same cache (`merge_const_one`).
            // `_PyCode_New` interns a frozenset's identifier-like strs by
            // building a new frozenset for each code object when interning
            // changed a str (an equal one was interned before: kaa assumes
            // so for identifiers). Such frozensets are never shared.
            Open::Seq { memo, frozen: true }
                if self.frozenset_strs.get(&memo).copied().unwrap_or(false) =>
            {
                let id = self.unique(false, &parts);
                if let Ident::Class(c) = id {
                    if let Some(info) = self.classes.get_mut(c as usize) {
                        info.never = true;
                    }
                }
                self.memo.insert(memo, id);
                id
            }
            Open::Seq { memo, frozen } => {
                let empty = parts.is_empty();
                let key = if frozen {
                    Key::FrozenSet(parts.clone())
                } else {
                    Key::Tuple(parts.clone())
                };
                let id = self.class(key, empty, false, &parts);
                self.memo.insert(memo, id);
                id
            }
            Open::Field { memo } => {
                let empty = parts.is_empty();
                let id = self.class(Key::Tuple(parts.clone()), empty, false, &parts);
                self.memo.insert(memo, id);
                id
            }
            Open::Mutable { memo } => {
                let id = self.unique(false, &parts);
                self.memo.insert(memo, id);
                id
            }
            Open::Code(code) => {
                let name = parts.get(6).copied().unwrap_or(Ident::Singleton(0));
                // co_qualname: co_name itself at the top level; in a class
                // body, the `__qualname__` constant; otherwise a fresh str.
                let at = code as *const CodeObject as usize;
                let qualname = if code.qualname == code.name {
                    name
                } else if self.qualname_is_const.get(&at).copied().unwrap_or(false) {
                    self.string(&code.qualname, Role::Item)
                } else {
                    self.unique(false, &[])
                };
                let mut children = parts;
                children.insert(7.min(children.len()), qualname);
                self.qualnames.insert(at, qualname);
                let id = self.unique(false, &children);
                self.memo.insert((at, 0, MEMO_CODE), id);
                id
            }
        }
    }

    fn string(&mut self, s: &PyStr, role: Role<'_>) -> Ident {
        let interns = match role {
            Role::Filename => {
                return self.class(Key::Filename(s.clone()), true, false, &[]);
            }
            Role::QualName(code) => {
                let at = code as *const CodeObject as usize;
                if let Some(&id) = self.qualnames.get(&at) {
                    return id;
                }
                return self.unique(false, &[]);
            }
            Role::Name => true,
            Role::CodeName => !STATIC_NAMES.contains(&s.to_string_lossy().as_ref()),
            _ => all_name_chars(s),
        };
        if matches!(role, Role::CodeName) && !interns {
            return self.class(Key::Static(s.clone()), true, false, &[]);
        }
        let singleton = s.is_empty() || (s.len() == 1 && s.max_code_point() <= 0xff);
        if singleton {
            // CPython's cached strs: interned once anything interned them;
            // the empty str and "*" are interned at startup.
            let interned = interns || s.is_empty() || s.as_str() == Some("*");
            return self.class(Key::Str(None, s.clone()), true, interned, &[]);
        }
        self.class(Key::Str(Some(interns), s.clone()), interns, interns, &[])
    }
}

/// The predicting [`Policy`].
pub(super) struct Predictor {
    census: Census,
    /// Classes written with FLAG_REF, and their reference indices.
    written: HashMap<Ident, u32>,
    next: u32,
}

impl Predictor {
    /// A predictor for writing `root` (found at `role`).
    pub(super) fn new(root: Obj<'_>, role: Role<'_>) -> Predictor {
        Predictor {
            census: Census::build(root, role),
            written: HashMap::new(),
            next: 0,
        }
    }

    /// Numbers the objects it flags from `first` on (the data written
    /// before already flagged `first` objects).
    pub(super) fn starting_at(mut self, first: u32) -> Predictor {
        self.next = first;
        self
    }

    /// The next reference index.
    pub(super) fn next_ref(&self) -> u32 {
        self.next
    }
}

impl<'a> Policy<'a> for Predictor {
    fn decide(&mut self, obj: Obj<'a>, role: Role<'a>) -> Option<Mark> {
        let id = self.census.classify(obj, role);
        if let Some(&n) = self.written.get(&id) {
            return Some(Mark::Ref(n));
        }
        let info = self.census.info(id)?;
        let flag = matches!(role, Role::Top | Role::SetElement)
            || (!info.never && (info.always || info.count >= 2));
        if flag {
            self.written.insert(id, self.next);
            self.next += 1;
        }
        Some(Mark::Object {
            flag,
            interned: info.interned,
        })
    }

    /// `sorted(items, key=marshal.dumps)`: each element written on its own,
    /// in a fresh stream, as CPython 3.11's `w_complex_object` sorts sets.
    fn set_order(&mut self, items: &'a [Constant]) -> Vec<usize> {
        let saved = (std::mem::take(&mut self.written), self.next);
        let mut keyed = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            self.next = 0;
            self.written.clear();
            let key = write_with(self, Obj::Const(item), Role::Item).unwrap_or_default();
            keyed.push((key, i));
        }
        (self.written, self.next) = saved;
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        keyed.into_iter().map(|(_, i)| i).collect()
    }
}
