//! The code generator: from a module's AST to CPython 3.11's code objects,
//! byte for byte (Python/compile.c: `compiler_mod`, the `compiler_visit_*`
//! functions, the flowgraph optimiser and `assemble()`).
//!
//! [`compile_module`] builds the symbol table, then walks the AST the way
//! compile.c does, one [`Unit`] per code object (module, class body,
//! function, lambda, comprehension), generating into a control-flow graph
//! ([`cfg`]). Each finished unit goes through the optimiser
//! ([`optimize`]) and the lowering to the assembler ([`lower`]), and
//! becomes a [`CodeObject`], nested ones as `Constant::Code` in their
//! parent's `co_consts`.
//!
//! The walk assumes the module passed [`crate::check_module`] (the `kaa`
//! binary checks first); a construct it cannot compile is still an error,
//! never a panic. The SyntaxWarnings compile.c emits come from `warn`
//! ([`compile_module_with_warnings`]).

mod cfg;
mod consts;
mod control;
mod expr;
mod function;
mod lower;
mod optimize;
mod pattern;
mod stmt;
mod unparse;
mod warn;

use std::collections::HashMap;

use kaa_bytecode::code::{
    CO_ASYNC_GENERATOR, CO_COROUTINE, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL,
    CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL, CO_GENERATOR, CO_NESTED, CO_NEWLOCALS,
    CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS,
};
use kaa_bytecode::linetable::Location;
use kaa_bytecode::{CodeObject, Constant, Opcode, PyStr};
use kaa_parser::ast::{Loc, Mod, Stmt};
use kaa_parser::{ErrorKind, SyntaxError};

use crate::checks::UnitKind;
use crate::mangle::mangle;
use crate::symtable::{self, BlockType, BuildOptions, NameScope, ScopeId, SymbolTable};
use cfg::{BlockId, Cfg, Op, ENTRY, NO_LOC};
use control::FBlock;

/// Which kind of input is compiled (`compile()`'s `mode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompileMode {
    /// `exec`: a module.
    #[default]
    Exec,
    /// `eval`: one expression, whose value is returned.
    Eval,
    /// `single`: interactive input; expression statements print their
    /// value (`PRINT_EXPR`).
    Single,
}

/// How to compile, besides the AST (`compile()`'s arguments and flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// The mode (the AST's kind decides what is generated; this must match).
    pub mode: CompileMode,
    /// The optimization level: 1 drops `assert`s, 2 docstrings too.
    pub optimize: u32,
    /// `from __future__ import annotations` given by `compile()`'s flags.
    pub future_annotations: bool,
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub top_level_await: bool,
}

/// A result whose error is boxed to keep recursive frames small.
pub(crate) type CResult<T = ()> = Result<T, Box<SyntaxError>>;

/// Compiles a module (or expression, or interactive input) to its code
/// object, as CPython 3.11's `compile(source, filename, mode,
/// dont_inherit=True)` does.
///
/// It recurses once per level of nesting: for the deepest module
/// [`crate::check_module`] lets through (2900 nested lambdas) give the
/// thread 64 MiB of stack in a debug build.
pub fn compile_module(
    module: &Mod,
    filename: &str,
    options: &CompileOptions,
) -> Result<CodeObject, SyntaxError> {
    compile_module_collecting(module, filename, options, &mut Vec::new())
}

/// [`compile_module`], also giving the SyntaxWarnings the compiler emits
/// (`"is" with a literal`, `assertion is always true`, `'tuple' object is
/// not callable`, ...), in CPython's order: print them after the parser's.
/// CPython prints every one (no registry: a `while` test or `finally`
/// body compiled twice warns twice), each as
/// `FILE:LINE: SyntaxWarning: MESSAGE`.
pub fn compile_module_with_warnings(
    module: &Mod,
    filename: &str,
    options: &CompileOptions,
) -> Result<(CodeObject, Vec<kaa_parser::Warning>), SyntaxError> {
    let mut warnings = Vec::new();
    let code = compile_module_collecting(module, filename, options, &mut warnings)?;
    Ok((code, warnings))
}

/// [`compile_module`] appending its SyntaxWarnings to `warnings` as they
/// come, so that when compiling fails the warnings CPython would have
/// printed before the error are there too.
pub fn compile_module_collecting(
    module: &Mod,
    filename: &str,
    options: &CompileOptions,
    warnings: &mut Vec<kaa_parser::Warning>,
) -> Result<CodeObject, SyntaxError> {
    let future = crate::future::parse_future(module, "")?;
    let future_annotations = future.annotations || options.future_annotations;
    let table = symtable::build_with(
        module,
        "",
        &BuildOptions {
            future_annotations,
            start_depth: 0,
        },
    )?;
    let mut future_flags = 0;
    if future_annotations {
        future_flags |= CO_FUTURE_ANNOTATIONS;
    }
    if future.barry_as_flufl {
        future_flags |= CO_FUTURE_BARRY_AS_BDFL;
    }
    let mut c = Compiler {
        table,
        filename: PyStr::new(filename),
        units: Vec::new(),
        future_flags,
        future_annotations,
        optimize: options.optimize,
        interactive: false,
        top_level_await: options.top_level_await,
        warnings: Vec::new(),
    };
    let result = c.module(module).map_err(|e| *e);
    warnings.append(&mut c.warnings);
    result
}

/// The whole compilation's state (`struct compiler`).
pub(crate) struct Compiler<'a> {
    table: SymbolTable<'a>,
    filename: PyStr,
    /// The units being compiled, innermost last (`c_stack` + `u`).
    units: Vec<Unit<'a>>,
    future_flags: u32,
    future_annotations: bool,
    optimize: u32,
    interactive: bool,
    top_level_await: bool,
    /// The SyntaxWarnings emitted so far (`compiler_warn`), in order.
    warnings: Vec<kaa_parser::Warning>,
}

/// An ordered set of names with their indices (`u_names`, `u_varnames`).
#[derive(Clone, Debug, Default)]
pub(crate) struct NameSet {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl NameSet {
    fn from_list(list: &[impl AsRef<str>]) -> NameSet {
        let mut set = NameSet::default();
        for n in list {
            set.add(n.as_ref());
        }
        set
    }

    /// The index of `name`, added at the end if new (`compiler_add_o`).
    pub(crate) fn add(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    fn len(&self) -> usize {
        self.names.len()
    }
}

/// One code object being compiled (`struct compiler_unit`).
pub(crate) struct Unit<'a> {
    scope: ScopeId,
    kind: UnitKind,
    name: String,
    qualname: String,
    private: Option<String>,
    consts: Vec<Constant>,
    const_index: HashMap<Constant, u32>,
    names: NameSet,
    varnames: NameSet,
    cellvars: NameSet,
    freevars: NameSet,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    firstlineno: i32,
    /// The location given to emitted instructions (`u_lineno` ...).
    loc: Location,
    cfg: Cfg,
    fblocks: Vec<FBlock<'a>>,
    /// The block a `return` statement opened after its `RETURN_VALUE`:
    /// while it is current and still empty, the unit counts as ending in
    /// a return. CPython 3.11 opens the block after a terminator only when
    /// the next instruction comes, so `assemble()` sees the `b_return` of
    /// the return's own block and adds no `return None` (nor a `None`
    /// constant) after a trailing `return`; dead code after it does.
    return_block: Option<BlockId>,
}

/// Whether a constant is or holds a float NaN (directly, in a complex or
/// in a tuple).
fn has_nan(c: &Constant) -> bool {
    match c {
        Constant::Float(f) => f.is_nan(),
        Constant::Complex { re, im } => re.is_nan() || im.is_nan(),
        Constant::Tuple(items) => items.iter().any(has_nan),
        _ => false,
    }
}

/// An AST location as an instruction location.
pub(crate) fn location(loc: Loc) -> Location {
    let int = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    Location {
        lineno: int(loc.lineno),
        end_lineno: int(loc.end_lineno),
        col_offset: int(loc.col_offset),
        end_col_offset: int(loc.end_col_offset),
    }
}

/// An internal error as a SyntaxError-shaped value (compile.c raises
/// SystemError for these; kaa never panics).
pub(crate) fn internal_error(msg: impl Into<String>) -> Box<SyntaxError> {
    Box::new(SyntaxError::new(ErrorKind::SyntaxError, msg))
}

/// `Load`, `Store` or `Del` for name operations.
pub(crate) use kaa_parser::ast::ExprContext as Ctx;

impl<'a> Compiler<'a> {
    /// The current unit.
    pub(crate) fn u(&mut self) -> &mut Unit<'a> {
        let n = self.units.len();
        &mut self.units[n - 1]
    }

    /// The current unit, shared.
    pub(crate) fn ur(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    /// The current unit's symbol table scope.
    pub(crate) fn scope(&self) -> &symtable::Scope {
        self.table.scope(self.ur().scope)
    }

    /// `SET_LOC(c, node)`.
    pub(crate) fn set_loc(&mut self, loc: Loc) {
        self.u().loc = location(loc);
    }

    /// `UNSET_LOC(c)`.
    pub(crate) fn unset_loc(&mut self) {
        self.u().loc.lineno = -1;
    }

    /// `ADDOP` / `ADDOP_I`: an instruction at the current location.
    pub(crate) fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.u();
        let loc = u.loc;
        u.cfg.add(Op::Real(op), arg, None, loc);
    }

    /// An instruction with no location (`ADDOP_NOLINE`).
    pub(crate) fn emit_noline(&mut self, op: Op, arg: u32) {
        self.u().cfg.add(op, arg, None, NO_LOC);
    }

    /// A pseudo-instruction at the current location.
    pub(crate) fn emit_op(&mut self, op: Op, arg: u32) {
        let u = self.u();
        let loc = u.loc;
        u.cfg.add(op, arg, None, loc);
    }

    /// `ADDOP_JUMP`.
    pub(crate) fn jump(&mut self, op: Op, target: BlockId) {
        let u = self.u();
        let loc = u.loc;
        u.cfg.add(op, 0, Some(target), loc);
    }

    /// `ADDOP_JUMP_NOLINE`.
    pub(crate) fn jump_noline(&mut self, op: Op, target: BlockId) {
        self.u().cfg.add(op, 0, Some(target), NO_LOC);
    }

    /// `compiler_new_block`.
    pub(crate) fn new_block(&mut self) -> BlockId {
        self.u().cfg.new_block()
    }

    /// `compiler_use_next_block`.
    pub(crate) fn use_next_block(&mut self, b: BlockId) {
        self.u().cfg.use_next_block(b);
    }

    /// `NEXT_BLOCK`.
    pub(crate) fn next_block(&mut self) {
        self.u().cfg.next_block();
    }

    /// `compiler_add_const`: the index of a constant, merged with equal
    /// ones (equal code objects too; NaNs never).
    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        // `_PyCode_ConstantKey` keys code objects by value, so a code
        // object compiled twice (a `while` test, a `finally` body) is one
        // constant. A NaN is only ever equal to the same object, and each
        // fold makes a new one: kaa never merges NaNs.
        let mergeable = !has_nan(&c);
        if mergeable {
            if let Some(&i) = u.const_index.get(&c) {
                return i;
            }
        }
        let i = u.consts.len() as u32;
        if mergeable {
            u.const_index.insert(c.clone(), i);
        }
        u.consts.push(c);
        i
    }

    /// `ADDOP_LOAD_CONST`.
    pub(crate) fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LOAD_CONST, i);
    }

    /// `ADDOP_NAME`: a `co_names` operand, mangled.
    pub(crate) fn emit_name(&mut self, op: Opcode, name: &str) {
        let u = self.u();
        let mangled = mangle(u.private.as_deref(), name).into_owned();
        let i = u.names.add(&mangled);
        self.emit(op, i);
    }

    /// `ADDOP_N(..., names)`: a `co_names` operand, not mangled.
    pub(crate) fn emit_name_raw(&mut self, op: Opcode, name: &str) {
        let i = self.u().names.add(name);
        self.emit(op, i);
    }

    /// `compiler_nameop`.
    pub(crate) fn nameop(&mut self, name: &str, ctx: Ctx) -> CResult {
        let mangled = mangle(self.ur().private.as_deref(), name).into_owned();
        let scope = self.scope();
        let is_function = scope.block == BlockType::Function;
        let is_class = scope.block == BlockType::Class;
        let sc = scope.lookup(&mangled).and_then(|s| s.scope);
        enum Kind {
            Fast,
            Global,
            Deref(bool),
            Name,
        }
        let kind = match sc {
            Some(NameScope::Free) => Kind::Deref(true),
            Some(NameScope::Cell) => Kind::Deref(false),
            Some(NameScope::Local) if is_function => Kind::Fast,
            Some(NameScope::GlobalImplicit) if is_function => Kind::Global,
            Some(NameScope::GlobalExplicit) => Kind::Global,
            _ => Kind::Name,
        };
        let pick = |l: Opcode, s: Opcode, d: Opcode| match ctx {
            Ctx::Load => l,
            Ctx::Store => s,
            Ctx::Del => d,
        };
        match kind {
            Kind::Fast => {
                let i = self.u().varnames.add(&mangled);
                let op = pick(Opcode::LOAD_FAST, Opcode::STORE_FAST, Opcode::DELETE_FAST);
                self.emit(op, i);
            }
            Kind::Global => {
                let i = self.u().names.add(&mangled);
                let op = pick(
                    Opcode::LOAD_GLOBAL,
                    Opcode::STORE_GLOBAL,
                    Opcode::DELETE_GLOBAL,
                );
                let arg = if op == Opcode::LOAD_GLOBAL { i << 1 } else { i };
                self.emit(op, arg);
            }
            Kind::Name => {
                let i = self.u().names.add(&mangled);
                let op = pick(Opcode::LOAD_NAME, Opcode::STORE_NAME, Opcode::DELETE_NAME);
                self.emit(op, i);
            }
            Kind::Deref(free) => {
                let u = self.u();
                let i = if free {
                    let nc = u.cellvars.len() as u32;
                    nc + u.freevars.add(&mangled)
                } else {
                    u.cellvars.add(&mangled)
                };
                let load = if is_class {
                    Opcode::LOAD_CLASSDEREF
                } else {
                    Opcode::LOAD_DEREF
                };
                let op = pick(load, Opcode::STORE_DEREF, Opcode::DELETE_DEREF);
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// `compiler_enter_scope`.
    pub(crate) fn enter_scope(
        &mut self,
        name: &str,
        kind: UnitKind,
        scope: ScopeId,
        lineno: u32,
    ) -> CResult {
        let st = self.table.scope(scope);
        let varnames = NameSet::from_list(&st.varnames);
        let cellvars = NameSet::from_list(&st.cellvars());
        let freevars = NameSet::from_list(&st.freevars());
        let private = self.units.last().and_then(|u| u.private.clone());
        let line = i32::try_from(lineno).unwrap_or(i32::MAX);
        let mut unit = Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname: name.to_string(),
            private,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: NameSet::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno: line,
            loc: Location {
                lineno: line,
                end_lineno: line,
                col_offset: 0,
                end_col_offset: 0,
            },
            cfg: Cfg::new(),
            fblocks: Vec::new(),
            return_block: None,
        };
        if kind == UnitKind::Module {
            unit.loc.lineno = 0;
        } else {
            unit.qualname = self.qualname_for(&unit);
        }
        self.units.push(unit);
        self.emit(Opcode::RESUME, 0);
        Ok(())
    }

    /// `compiler_set_qualname`.
    fn qualname_for(&self, unit: &Unit<'a>) -> String {
        if self.units.len() <= 1 {
            return unit.name.clone();
        }
        let parent = &self.units[self.units.len() - 1];
        let mut force_global = false;
        if matches!(
            unit.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Class
        ) {
            let mangled = mangle(parent.private.as_deref(), &unit.name);
            let pscope = self.table.scope(parent.scope);
            if pscope.lookup(&mangled).and_then(|s| s.scope) == Some(NameScope::GlobalExplicit) {
                force_global = true;
            }
        }
        if force_global {
            return unit.name.clone();
        }
        let base = if matches!(
            parent.kind,
            UnitKind::Function | UnitKind::AsyncFunction | UnitKind::Lambda
        ) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.clone()
        };
        format!("{}.{}", base, unit.name)
    }

    /// `compute_code_flags`.
    fn code_flags(&self, unit: &Unit<'a>) -> u32 {
        let st = self.table.scope(unit.scope);
        let mut flags = 0;
        if st.block == BlockType::Function {
            flags |= CO_NEWLOCALS | CO_OPTIMIZED;
            if st.nested {
                flags |= CO_NESTED;
            }
            match (st.generator, st.coroutine) {
                (true, false) => flags |= CO_GENERATOR,
                (false, true) => flags |= CO_COROUTINE,
                (true, true) => flags |= CO_ASYNC_GENERATOR,
                _ => {}
            }
            if st.varargs {
                flags |= CO_VARARGS;
            }
            if st.varkeywords {
                flags |= CO_VARKEYWORDS;
            }
        }
        flags |= self.future_flags;
        if self.top_level_await && st.block == BlockType::Module && st.coroutine && !st.generator {
            flags |= CO_COROUTINE;
        }
        flags
    }

    /// Leaves the current unit and assembles it (`assemble()` +
    /// `compiler_exit_scope`).
    pub(crate) fn exit_scope(&mut self, add_none: bool) -> CResult<CodeObject> {
        // Make sure every block that falls off the end returns None.
        let returns = {
            let u = self.ur();
            let cur = &u.cfg.blocks[u.cfg.current];
            (u.return_block == Some(u.cfg.current) && cur.instrs.is_empty())
                || cur
                    .last()
                    .is_some_and(|i| i.op == Op::Real(Opcode::RETURN_VALUE))
        };
        if !returns {
            self.unset_loc();
            if add_none {
                self.load_const(Constant::None);
            }
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let unit = self
            .units
            .pop()
            .ok_or_else(|| internal_error("no unit to assemble"))?;
        self.assemble(unit)
    }

    /// `assemble()`: the flowgraph passes and the code object.
    fn assemble(&self, unit: Unit<'a>) -> CResult<CodeObject> {
        let flags = self.code_flags(&unit);
        let Unit {
            mut cfg,
            mut consts,
            names,
            varnames,
            cellvars,
            freevars,
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            name,
            qualname,
            ..
        } = unit;
        cfg.normalize_blocks();
        for b in (0..cfg.blocks.len()).rev() {
            cfg.extend_block(b);
        }
        // insert_prefix_instructions / fix_cell_offsets.
        let nlocals = varnames.len();
        let ncells = cellvars.len();
        let nfree = freevars.len();
        let mut fixed: Vec<usize> = (0..ncells + nfree).map(|i| nlocals + i).collect();
        for (ci, name) in cellvars.names.iter().enumerate() {
            if let Some(vi) = varnames.get(name) {
                fixed[ci] = vi as usize;
            }
        }
        let mut prefix = Vec::new();
        if nfree > 0 {
            prefix.push((Opcode::COPY_FREE_VARS, nfree as u32, NO_LOC));
        }
        if ncells > 0 {
            let mut sorted: Vec<(usize, usize)> = (0..ncells).map(|i| (fixed[i], i)).collect();
            sorted.sort();
            for (_, old) in sorted {
                prefix.push((Opcode::MAKE_CELL, old as u32, NO_LOC));
            }
        }
        if flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0 {
            let loc = Location {
                lineno: firstlineno,
                end_lineno: firstlineno,
                col_offset: -1,
                end_col_offset: -1,
            };
            prefix.push((Opcode::RETURN_GENERATOR, 0, loc));
            prefix.push((Opcode::POP_TOP, 0, NO_LOC));
        }
        let entry = &mut cfg.blocks[ENTRY].instrs;
        for (k, (op, arg, loc)) in prefix.into_iter().enumerate() {
            entry.insert(
                k,
                cfg::Instr {
                    op: Op::Real(op),
                    arg,
                    target: None,
                    loc,
                    except: None,
                },
            );
        }
        let mut numdropped = 0;
        for (i, f) in fixed.iter_mut().enumerate() {
            if *f == i + nlocals {
                *f -= numdropped;
            } else {
                numdropped += 1;
            }
        }
        for blk in &mut cfg.blocks {
            for ins in &mut blk.instrs {
                if matches!(
                    ins.op,
                    Op::Real(
                        Opcode::MAKE_CELL
                            | Opcode::LOAD_CLOSURE
                            | Opcode::LOAD_DEREF
                            | Opcode::STORE_DEREF
                            | Opcode::DELETE_DEREF
                            | Opcode::LOAD_CLASSDEREF
                    )
                ) {
                    ins.arg = fixed
                        .get(ins.arg as usize)
                        .copied()
                        .ok_or_else(|| internal_error("bad cell index"))?
                        as u32;
                }
            }
        }

        cfg.optimize(&mut consts);
        cfg.duplicate_exits_without_lineno();
        cfg.trim_unused_consts(&mut consts);
        cfg.propagate_line_numbers();
        cfg.guarantee_lineno_for_exits(firstlineno);
        let generator_like = flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0;
        let maxdepth = cfg.stackdepth(generator_like).map_err(internal_error)?;
        cfg.label_exception_targets();
        cfg.convert_exception_handlers_to_nops();
        for b in cfg.order() {
            cfg.clean_block(b);
        }
        let asm = cfg.to_assembly().map_err(internal_error)?;
        let out = asm
            .assemble(firstlineno)
            .map_err(|e| internal_error(e.to_string()))?;

        // compute_localsplus_info
        let mut lp_names: Vec<PyStr> = Vec::new();
        let mut lp_kinds: Vec<u8> = Vec::new();
        for v in &varnames.names {
            lp_names.push(PyStr::new(v));
            let mut kind = CO_FAST_LOCAL;
            if cellvars.get(v).is_some() {
                kind |= CO_FAST_CELL;
            }
            lp_kinds.push(kind);
        }
        for c in &cellvars.names {
            if varnames.get(c).is_none() {
                lp_names.push(PyStr::new(c));
                lp_kinds.push(CO_FAST_CELL);
            }
        }
        for f in &freevars.names {
            lp_names.push(PyStr::new(f));
            lp_kinds.push(CO_FAST_FREE);
        }
        Ok(CodeObject {
            argcount: argcount + posonlyargcount,
            posonlyargcount,
            kwonlyargcount,
            stacksize: maxdepth.max(0) as u32,
            flags,
            code: out.code,
            consts,
            names: names.names.iter().map(|n| PyStr::new(n)).collect(),
            localsplusnames: lp_names,
            localspluskinds: lp_kinds,
            filename: self.filename.clone(),
            name: PyStr::new(&name),
            qualname: PyStr::new(&qualname),
            firstlineno,
            linetable: out.linetable,
            exceptiontable: out.exceptiontable,
        })
    }

    /// `compiler_mod`.
    fn module(&mut self, module: &'a Mod) -> CResult<CodeObject> {
        let top = ScopeId::TOP;
        self.enter_scope("<module>", UnitKind::Module, top, 1)?;
        let mut add_none = true;
        match module {
            Mod::Module { body, .. } => self.body(body)?,
            Mod::Interactive { body } => {
                if stmt::find_ann(body) {
                    self.emit(Opcode::SETUP_ANNOTATIONS, 0);
                }
                self.interactive = true;
                for s in body {
                    self.visit_stmt(s)?;
                }
            }
            Mod::Expression { body } => {
                self.visit_expr(body)?;
                add_none = false;
            }
            Mod::FunctionType { .. } => {
                return Err(internal_error(
                    "compile() can only compile 'func_type' input with ast.PyCF_ONLY_AST",
                ))
            }
        }
        self.exit_scope(add_none)
    }

    /// `compiler_body`: a module or class body, with `__doc__` and
    /// `SETUP_ANNOTATIONS`.
    pub(crate) fn body(&mut self, stmts: &'a [Stmt]) -> CResult {
        if self.ur().kind == UnitKind::Module {
            if let Some(first) = stmts.first() {
                self.set_loc(first.loc);
            }
        }
        if stmt::find_ann(stmts) {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let mut start = 0;
        if self.optimize < 2 {
            if let Some(doc) = consts::docstring(stmts) {
                start = 1;
                if let Some(first) = stmts.first() {
                    self.set_loc(first.loc);
                    if let kaa_parser::ast::StmtKind::Expr { value } = &first.node {
                        self.set_loc(value.loc);
                        self.load_const(doc);
                    }
                    self.set_loc(first.loc);
                }
                self.nameop("__doc__", Ctx::Store)?;
            }
        }
        self.visit_body(stmts, start)
    }
}
