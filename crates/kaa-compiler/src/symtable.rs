//! The symbol table: CPython 3.11's `Python/symtable.c`.
//!
//! [`build`] walks a module's AST twice, as CPython does:
//!
//! 1. `builder` visits every statement and expression, creating a
//!    [`Scope`] for the module and for each class, function, lambda and
//!    comprehension, and recording raw facts about each name in it
//!    ([`SymbolFlags`]: assigned here, a parameter, used, declared global
//!    ...). It raises the errors that need only those facts ("name 'x' is
//!    parameter and global", "duplicate argument", the assignment
//!    expression rules, "'yield' inside list comprehension", ...).
//! 2. `analyze` walks the scope tree and resolves each name to a
//!    [`NameScope`] (local, global, free, cell), raising the `nonlocal`
//!    errors that need the enclosing scopes.
//!
//! Scopes are addressed by [`ScopeId`]; the code generator finds the scope
//! of a `def`, `class`, `lambda` or comprehension node with
//! [`SymbolTable::scope_of_stmt`] / [`SymbolTable::scope_of_expr`], which key
//! on the node's address (as CPython keys `st_blocks` on the node pointer).
//! The table borrows the AST, so the AST cannot move or change while the
//! table exists.
//!
//! 3.11 specifics (3.12 differs): comprehensions always get their own
//! function scope (no PEP 709 inlining); there are no type-parameter or
//! annotation scopes, except that under `from __future__ import
//! annotations` each annotation is visited in a throw-away `_annotation`
//! block, which is never analysed and is not anyone's child (so names used
//! only in annotations do not appear in the table at all).

mod analyze;
mod builder;

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use kaa_parser::ast::{Expr, Loc, Mod, Stmt};
use kaa_parser::SyntaxError;

use crate::mangle::mangle;

/// How deep statements, expressions and patterns may nest before the
/// symbol table gives up with "maximum recursion depth exceeded during
/// compilation" (CPython 3.11: the recursion limit, 1000, times
/// `COMPILER_STACK_FRAME_SCALE`, 3).
pub const RECURSION_LIMIT: u32 = 3000;

/// What kind of block a scope is (CPython's `_Py_block_ty`); the
/// discriminants are `_symtable.TYPE_*` (and `AnnotationBlock`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockType {
    /// A `def`, `async def`, `lambda` or comprehension.
    Function = 0,
    /// A `class` body.
    Class = 1,
    /// The module (`top`).
    Module = 2,
    /// A `from __future__ import annotations` annotation: visited for its
    /// errors only.
    Annotation = 3,
}

impl BlockType {
    /// The name `symtable.SymbolTable.get_type()` returns.
    pub fn name(self) -> &'static str {
        match self {
            BlockType::Function => "function",
            BlockType::Class => "class",
            BlockType::Module => "module",
            BlockType::Annotation => "annotation",
        }
    }
}

/// Which comprehension a comprehension scope implements
/// (`_Py_comprehension_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ComprehensionKind {
    /// `[... for ...]`, scope name `listcomp`.
    List,
    /// `{... for ...}`, scope name `setcomp`.
    Set,
    /// `{k: v for ...}`, scope name `dictcomp`.
    Dict,
    /// `(... for ...)`, scope name `genexpr`.
    Generator,
}

impl ComprehensionKind {
    /// The scope's name (CPython's `&_Py_ID(listcomp)` etc.).
    pub fn scope_name(self) -> &'static str {
        match self {
            ComprehensionKind::List => "listcomp",
            ComprehensionKind::Set => "setcomp",
            ComprehensionKind::Dict => "dictcomp",
            ComprehensionKind::Generator => "genexpr",
        }
    }
}

/// The raw facts about a name in one scope (CPython's `DEF_*` and `USE`
/// bits, with the same values).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct SymbolFlags(u16);

impl SymbolFlags {
    /// Named in a `global` statement (or bound by an assignment expression
    /// in a comprehension at module level).
    pub const DEF_GLOBAL: SymbolFlags = SymbolFlags(1);
    /// Bound in this block: assigned, deleted, a loop or `with` target, a
    /// `def`/`class` name, a match capture, an `except ... as` name.
    pub const DEF_LOCAL: SymbolFlags = SymbolFlags(2);
    /// A formal parameter.
    pub const DEF_PARAM: SymbolFlags = SymbolFlags(4);
    /// Named in a `nonlocal` statement (or an assignment expression target
    /// in a comprehension inside a function).
    pub const DEF_NONLOCAL: SymbolFlags = SymbolFlags(8);
    /// Read in this block.
    pub const USE: SymbolFlags = SymbolFlags(16);
    /// Used but not defined in a nested block (never set by 3.11).
    pub const DEF_FREE: SymbolFlags = SymbolFlags(32);
    /// A class-level name that a method also uses as a free variable.
    pub const DEF_FREE_CLASS: SymbolFlags = SymbolFlags(64);
    /// Bound by an import.
    pub const DEF_IMPORT: SymbolFlags = SymbolFlags(128);
    /// Annotated (`x: int`, a simple target).
    pub const DEF_ANNOT: SymbolFlags = SymbolFlags(256);
    /// A comprehension's iteration variable.
    pub const DEF_COMP_ITER: SymbolFlags = SymbolFlags(512);
    /// Any binding: `DEF_LOCAL | DEF_PARAM | DEF_IMPORT`.
    pub const DEF_BOUND: SymbolFlags = SymbolFlags(2 | 4 | 128);

    /// No flags.
    pub const fn empty() -> SymbolFlags {
        SymbolFlags(0)
    }

    /// The bits, as CPython's `ste_symbols` values hold them (without the
    /// scope, which [`Symbol::raw_flags`] adds).
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// Whether any of `other`'s bits are set.
    pub const fn intersects(self, other: SymbolFlags) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether all of `other`'s bits are set.
    pub const fn contains(self, other: SymbolFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of both sets of bits.
    pub const fn union(self, other: SymbolFlags) -> SymbolFlags {
        SymbolFlags(self.0 | other.0)
    }

    /// The names of the set bits, in bit order, joined by `|` (`0` if none).
    pub fn names(self) -> String {
        const NAMES: [&str; 10] = [
            "DEF_GLOBAL",
            "DEF_LOCAL",
            "DEF_PARAM",
            "DEF_NONLOCAL",
            "USE",
            "DEF_FREE",
            "DEF_FREE_CLASS",
            "DEF_IMPORT",
            "DEF_ANNOT",
            "DEF_COMP_ITER",
        ];
        let set: Vec<&str> = NAMES
            .iter()
            .enumerate()
            .filter(|(bit, _)| self.0 & (1 << bit) != 0)
            .map(|(_, name)| *name)
            .collect();
        if set.is_empty() {
            "0".to_string()
        } else {
            set.join("|")
        }
    }
}

impl std::ops::BitOr for SymbolFlags {
    type Output = SymbolFlags;

    fn bitor(self, rhs: SymbolFlags) -> SymbolFlags {
        self.union(rhs)
    }
}

impl std::ops::BitOrAssign for SymbolFlags {
    fn bitor_assign(&mut self, rhs: SymbolFlags) {
        *self = self.union(rhs);
    }
}

impl fmt::Debug for SymbolFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.names())
    }
}

/// Where a name lives, as the analysis resolves it (CPython's `LOCAL`,
/// `GLOBAL_EXPLICIT`, ... with the same numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameScope {
    /// A local variable of this block (`STORE_FAST` in functions,
    /// `STORE_NAME` in classes and modules).
    Local = 1,
    /// Declared `global` here (or by an enclosing comprehension rule).
    GlobalExplicit = 2,
    /// Not bound in any enclosing function: a global or a builtin.
    GlobalImplicit = 3,
    /// Bound in an enclosing function: a free variable (`LOAD_DEREF`).
    Free = 4,
    /// A local that nested blocks use: lives in a cell.
    Cell = 5,
}

impl NameScope {
    /// CPython's name for the scope.
    pub fn name(self) -> &'static str {
        match self {
            NameScope::Local => "LOCAL",
            NameScope::GlobalExplicit => "GLOBAL_EXPLICIT",
            NameScope::GlobalImplicit => "GLOBAL_IMPLICIT",
            NameScope::Free => "FREE",
            NameScope::Cell => "CELL",
        }
    }
}

/// CPython stores a symbol's scope in its flags word from this bit on
/// (`SCOPE_OFFSET`).
pub const SCOPE_OFFSET: u32 = 11;

/// One name in one scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The name, already mangled (`_C__x` for `__x` in class `C`).
    pub name: String,
    /// What the block does with the name.
    pub flags: SymbolFlags,
    /// The resolved scope; `None` only in annotation blocks, which are
    /// never analysed.
    pub scope: Option<NameScope>,
}

impl Symbol {
    /// The flags word as CPython's `ste_symbols` holds it: the flags with
    /// the scope number at [`SCOPE_OFFSET`] (what `symtable.Symbol` reads).
    pub fn raw_flags(&self) -> u32 {
        let scope = self.scope.map_or(0, |s| s as u32);
        u32::from(self.flags.bits()) | (scope << SCOPE_OFFSET)
    }
}

/// The index of a scope in its [`SymbolTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(u32);

impl ScopeId {
    /// The module scope, always the first.
    pub const TOP: ScopeId = ScopeId(0);

    /// The position in [`SymbolTable::scopes`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A block of code with its own names (CPython's `PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Scope {
    /// `top` for the module, the `def`/`class` name, `lambda`, `_annotation`,
    /// or a [`ComprehensionKind::scope_name`].
    pub name: String,
    /// The kind of block.
    pub block: BlockType,
    /// Set on comprehension scopes (which are [`BlockType::Function`]).
    pub comprehension: Option<ComprehensionKind>,
    /// The location of the node that created the scope (zeros for the
    /// module); `loc.lineno` is `symtable.SymbolTable.get_lineno()`.
    pub loc: Loc,
    /// The enclosing scope (`None` for the module).
    pub parent: Option<ScopeId>,
    /// The nested scopes in the order the visit met them (annotation
    /// blocks are never children, as in CPython).
    pub children: Vec<ScopeId>,
    /// Inside a function, or inside a block that is (`ste_nested`;
    /// `CO_NESTED`).
    pub nested: bool,
    /// Has free variables (`ste_free`).
    pub free: bool,
    /// Some nested scope has free variables (`ste_child_free`).
    pub child_free: bool,
    /// Contains `yield` or is a generator expression (`ste_generator`).
    pub generator: bool,
    /// Is `async def` or contains `await` / `async for` / an async
    /// comprehension (`ste_coroutine`).
    pub coroutine: bool,
    /// Has a `*args` parameter (`ste_varargs`; `CO_VARARGS`).
    pub varargs: bool,
    /// Has a `**kwargs` parameter (`ste_varkeywords`; `CO_VARKEYWORDS`).
    pub varkeywords: bool,
    /// Has a `return` with a value (`ste_returns_value`).
    pub returns_value: bool,
    /// A class whose methods use `__class__` or `super`: it needs the
    /// implicit `__class__` cell (`ste_needs_class_closure`).
    pub needs_class_closure: bool,
    /// The class name that mangles private names inside this scope
    /// (`st_private` while visiting it): the class itself for a class
    /// scope, the innermost enclosing class otherwise.
    pub private: Option<String>,
    /// The parameters in order (positional-only, positional, keyword-only,
    /// `*args`, `**kwargs`; `.0` for a comprehension): `ste_varnames`, the
    /// start of `co_varnames`. Mangled.
    pub varnames: Vec<String>,
    symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// `global`/`nonlocal` declarations (mangled name, statement location)
    /// in order: where analysis errors about them point.
    directives: Vec<(String, Loc)>,
    /// Visiting a comprehension's iteration target (`ste_comp_iter_target`).
    comp_iter_target: bool,
    /// Visiting a comprehension's iterable, at any depth
    /// (`ste_comp_iter_expr`).
    comp_iter_expr: u32,
}

impl Scope {
    fn new(name: String, block: BlockType, loc: Loc, parent: Option<ScopeId>) -> Scope {
        Scope {
            name,
            block,
            comprehension: None,
            loc,
            parent,
            children: Vec::new(),
            nested: false,
            free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            private: None,
            varnames: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            directives: Vec::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The symbols in the order CPython's `ste_symbols` dict holds them:
    /// first-mention order, then the free variables that only pass through
    /// this block (added by the analysis; CPython adds them in set order,
    /// kaa in sorted order).
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    /// The symbol for an (already mangled) name.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).and_then(|&i| self.symbols.get(i))
    }

    /// The scope of a name, mangling it with this scope's class name first
    /// (what the compiler's `_PyST_GetScope(ste, _Py_Mangle(private, name))`
    /// gives); `None` for a name the block never mentions (CPython's 0).
    pub fn scope_of(&self, name: &str) -> Option<NameScope> {
        let mangled = mangle(self.private.as_deref(), name);
        self.lookup(&mangled).and_then(|s| s.scope)
    }

    /// Whether the block's locals live in fast slots (`is_optimized()`:
    /// function blocks).
    pub fn is_optimized(&self) -> bool {
        self.block == BlockType::Function
    }

    /// The cell variables in the order CPython's compiler numbers them
    /// (`u_cellvars`: sorted names of scope `CELL`; a class needing the
    /// `__class__` cell has just that one).
    pub fn cellvars(&self) -> Vec<&str> {
        if self.block == BlockType::Class && self.needs_class_closure {
            return vec!["__class__"];
        }
        let mut names: Vec<&str> = self
            .symbols
            .iter()
            .filter(|s| s.scope == Some(NameScope::Cell))
            .map(|s| s.name.as_str())
            .collect();
        names.sort_unstable();
        names
    }

    /// The free variables in the order CPython's compiler numbers them
    /// (`u_freevars`: sorted names of scope `FREE` or flagged
    /// `DEF_FREE_CLASS`).
    pub fn freevars(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .symbols
            .iter()
            .filter(|s| {
                s.scope == Some(NameScope::Free) || s.flags.intersects(SymbolFlags::DEF_FREE_CLASS)
            })
            .map(|s| s.name.as_str())
            .collect();
        names.sort_unstable();
        names
    }

    /// The flags of a mangled name in the table being built (0 if absent):
    /// `_PyST_GetSymbol` before analysis.
    fn flags_of(&self, name: &str) -> SymbolFlags {
        self.index
            .get(name)
            .and_then(|&i| self.symbols.get(i))
            .map_or(SymbolFlags::empty(), |s| s.flags)
    }

    /// Sets a mangled name's flags, adding the symbol if new.
    fn set_flags(&mut self, name: &str, flags: SymbolFlags) {
        match self.index.get(name) {
            Some(&i) => {
                if let Some(sym) = self.symbols.get_mut(i) {
                    sym.flags = flags;
                }
            }
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags,
                    scope: None,
                });
            }
        }
    }
}

/// What [`build_with`] needs besides the AST.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BuildOptions {
    /// `from __future__ import annotations` is in effect (from the module's
    /// future statements or `compile()`'s flags): annotations are not
    /// evaluated, so their names are not recorded.
    pub future_annotations: bool,
    /// The recursion depth already used by the caller, in the units of
    /// [`RECURSION_LIMIT`]. CPython starts from three times the Python call
    /// depth at which `compile()` runs; 0 for a top-level script.
    pub start_depth: u32,
}

/// The symbol table of one module: all its scopes, the module first.
#[derive(Clone, Debug)]
pub struct SymbolTable<'a> {
    scopes: Vec<Scope>,
    stmt_scopes: HashMap<usize, ScopeId>,
    expr_scopes: HashMap<usize, ScopeId>,
    ast: PhantomData<&'a Mod>,
}

impl<'a> SymbolTable<'a> {
    /// The module scope.
    pub fn top(&self) -> &Scope {
        self.scope(ScopeId::TOP)
    }

    /// A scope by id.
    pub fn scope(&self, id: ScopeId) -> &Scope {
        // Ids are only made by the builder, one per pushed scope.
        &self.scopes[id.index()]
    }

    /// Every scope, in creation order (a pre-order walk of the AST),
    /// annotation blocks included.
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes
    }

    /// The scope a `def`, `async def` or `class` statement creates.
    pub fn scope_of_stmt(&self, stmt: &'a Stmt) -> Option<ScopeId> {
        self.stmt_scopes.get(&node_key(stmt)).copied()
    }

    /// The scope a `lambda` or comprehension expression creates.
    pub fn scope_of_expr(&self, expr: &'a Expr) -> Option<ScopeId> {
        self.expr_scopes.get(&node_key(expr)).copied()
    }
}

/// A node's identity: its address, stable while the table borrows the AST.
fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Builds the symbol table of `module` (CPython's `_PySymtable_Build`).
///
/// `source` is the module's text (for the `text` of errors);
/// `future_annotations` says whether `from __future__ import annotations`
/// is in effect (see [`crate::future::parse_future`]).
///
/// Errors are SyntaxErrors with CPython's message and location -- `offset`
/// and `end_offset` are the AST's UTF-8 byte columns plus one, not
/// character columns, as CPython reports them here -- or a RecursionError
/// "maximum recursion depth exceeded during compilation" for a tree nested
/// deeper than [`RECURSION_LIMIT`]. The caller's thread needs stack for
/// that many nested visits: measured at under 0.5 MiB in release builds,
/// under 8 MiB unoptimised.
pub fn build<'a>(
    module: &'a Mod,
    source: &str,
    future_annotations: bool,
) -> Result<SymbolTable<'a>, SyntaxError> {
    build_with(
        module,
        source,
        &BuildOptions {
            future_annotations,
            ..BuildOptions::default()
        },
    )
}

/// [`build`] with every option.
pub fn build_with<'a>(
    module: &'a Mod,
    source: &str,
    options: &BuildOptions,
) -> Result<SymbolTable<'a>, SyntaxError> {
    let built = builder::Builder::run(module, source, options).map_err(|e| *e)?;
    let mut scopes = built.scopes;
    analyze::analyze(&mut scopes, source).map_err(|e| *e)?;
    Ok(SymbolTable {
        scopes,
        stmt_scopes: built.stmt_scopes,
        expr_scopes: built.expr_scopes,
        ast: PhantomData,
    })
}
