//! `ast.dump()`: the text `python3 -m ast` prints, character for character.
//!
//! CPython's `_format` builds each node's text from its children's texts,
//! which copies deep trees over and over. The layout only depends on whether
//! each child is "simple", which is known without formatting it, so here a
//! node is first probed (how many fields it shows, are they all simple) and
//! then written straight into one output buffer.

use std::cell::Cell;

use crate::ast::Mod;
use crate::constant::Constant;

/// Options of `ast.dump` that `-m ast` uses.
pub struct DumpCtx {
    /// `None` for the one-line form; `Some(s)` repeats `s` per level.
    pub indent: Option<String>,
    pub include_attributes: bool,
    /// Fail on trees nesting AST nodes deeper than this.
    pub max_depth: Option<usize>,
    depth: Cell<usize>,
    too_deep: Cell<bool>,
}

impl DumpCtx {
    /// `ast.dump(tree, include_attributes=.., indent=..)` options.
    pub fn new(indent: Option<String>, include_attributes: bool) -> DumpCtx {
        DumpCtx {
            indent,
            include_attributes,
            max_depth: None,
            depth: Cell::new(0),
            too_deep: Cell::new(false),
        }
    }
}

/// How deeply AST nodes may nest when `python3 -m ast` turns the tree into
/// Python objects (deeper trees raise "RecursionError: maximum recursion
/// depth exceeded during ast construction"; measured on CPython 3.11.7).
pub const AST_OBJECT_DEPTH_LIMIT: usize = 988;

/// The tree nests deeper than `DumpCtx::max_depth`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep;

/// Something `ast.dump`'s `_format` can format.
pub trait Dump {
    /// Appends the dump of `self` at nesting `level` to `out`.
    fn write(&self, out: &mut String, level: usize, ctx: &DumpCtx);
    /// Whether `_format` calls the result simple (a scalar, an empty list, or
    /// a node that shows no fields).
    fn simple(&self, ctx: &DumpCtx) -> bool;
}

/// Dumps a whole tree as `ast.dump(tree, include_attributes=.., indent=..)`.
pub fn dump(tree: &Mod, ctx: &DumpCtx) -> Result<String, TooDeep> {
    let mut out = String::new();
    ctx.depth.set(0);
    ctx.too_deep.set(false);
    tree.write(&mut out, 0, ctx);
    if ctx.too_deep.get() {
        return Err(TooDeep);
    }
    Ok(out)
}

/// The level children of a node or list at `level` are written at.
fn inner_level(level: usize, ctx: &DumpCtx) -> usize {
    if ctx.indent.is_some() {
        level + 1
    } else {
        level
    }
}

/// Writes `",\n" + indent * level` (or ", ") between items, and the
/// `"\n" + indent * level` prefix before the first one.
fn write_sep(out: &mut String, first: bool, level: usize, ctx: &DumpCtx) {
    match &ctx.indent {
        Some(ind) => {
            if !first {
                out.push(',');
            }
            out.push('\n');
            for _ in 0..level {
                out.push_str(ind);
            }
        }
        None => {
            if !first {
                out.push_str(", ");
            }
        }
    }
}

enum Mode<'o> {
    Probe {
        count: usize,
        all_simple: bool,
    },
    Write {
        out: &'o mut String,
        level: usize,
        single_line: bool,
        first: bool,
    },
}

/// Visits the fields of one AST node, either probing or writing them.
pub struct NodeDump<'o, 'c> {
    mode: Mode<'o>,
    ctx: &'c DumpCtx,
}

impl<'o, 'c> NodeDump<'o, 'c> {
    /// Adds `name=value`.
    pub fn field<T: Dump + ?Sized>(&mut self, name: &str, value: &T) {
        match &mut self.mode {
            Mode::Probe { count, all_simple } => {
                *count += 1;
                if *all_simple && !value.simple(self.ctx) {
                    *all_simple = false;
                }
            }
            Mode::Write {
                out,
                level,
                single_line,
                first,
            } => {
                if *single_line {
                    if !*first {
                        out.push_str(", ");
                    }
                } else {
                    write_sep(out, *first, *level, self.ctx);
                }
                *first = false;
                out.push_str(name);
                out.push('=');
                value.write(out, *level, self.ctx);
            }
        }
    }

    /// Adds an integer attribute (`lineno=3`).
    pub fn attr_int(&mut self, name: &str, value: i64) {
        self.field(name, &value);
    }
}

/// Writes one node: probes its fields, then writes them on one line or one
/// per line as `_format` would.
pub fn write_node(
    name: &str,
    out: &mut String,
    level: usize,
    ctx: &DumpCtx,
    fields: &dyn Fn(&mut NodeDump),
) {
    let depth = ctx.depth.get() + 1;
    if ctx.too_deep.get() || ctx.max_depth.is_some_and(|m| depth > m) {
        ctx.too_deep.set(true);
        return;
    }
    ctx.depth.set(depth);
    write_node_fields(name, out, level, ctx, fields);
    ctx.depth.set(depth - 1);
}

fn write_node_fields(
    name: &str,
    out: &mut String,
    level: usize,
    ctx: &DumpCtx,
    fields: &dyn Fn(&mut NodeDump),
) {
    let mut probe = NodeDump {
        mode: Mode::Probe {
            count: 0,
            all_simple: true,
        },
        ctx,
    };
    fields(&mut probe);
    let single_line = match probe.mode {
        Mode::Probe { count, all_simple } => all_simple && count <= 3,
        Mode::Write { .. } => true,
    };
    out.push_str(name);
    out.push('(');
    let mut w = NodeDump {
        mode: Mode::Write {
            out,
            level: inner_level(level, ctx),
            single_line,
            first: true,
        },
        ctx,
    };
    fields(&mut w);
    if let Mode::Write { out, .. } = w.mode {
        out.push(')');
    }
}

/// Whether a node shows no fields at all.
pub fn node_simple(ctx: &DumpCtx, fields: &dyn Fn(&mut NodeDump)) -> bool {
    let mut probe = NodeDump {
        mode: Mode::Probe {
            count: 0,
            all_simple: true,
        },
        ctx,
    };
    fields(&mut probe);
    matches!(probe.mode, Mode::Probe { count: 0, .. })
}

impl<T: Dump> Dump for Vec<T> {
    fn write(&self, out: &mut String, level: usize, ctx: &DumpCtx) {
        if self.is_empty() {
            out.push_str("[]");
            return;
        }
        let level = inner_level(level, ctx);
        out.push('[');
        for (i, x) in self.iter().enumerate() {
            write_sep(out, i == 0, level, ctx);
            x.write(out, level, ctx);
        }
        out.push(']');
    }

    fn simple(&self, _ctx: &DumpCtx) -> bool {
        self.is_empty()
    }
}

impl<T: Dump> Dump for Option<T> {
    fn write(&self, out: &mut String, level: usize, ctx: &DumpCtx) {
        match self {
            Some(v) => v.write(out, level, ctx),
            None => out.push_str("None"),
        }
    }

    fn simple(&self, ctx: &DumpCtx) -> bool {
        self.as_ref().is_none_or(|v| v.simple(ctx))
    }
}

impl<T: Dump + ?Sized> Dump for Box<T> {
    fn write(&self, out: &mut String, level: usize, ctx: &DumpCtx) {
        (**self).write(out, level, ctx)
    }

    fn simple(&self, ctx: &DumpCtx) -> bool {
        (**self).simple(ctx)
    }
}

impl<T: Dump + ?Sized> Dump for &T {
    fn write(&self, out: &mut String, level: usize, ctx: &DumpCtx) {
        (**self).write(out, level, ctx)
    }

    fn simple(&self, ctx: &DumpCtx) -> bool {
        (**self).simple(ctx)
    }
}

impl Dump for String {
    fn write(&self, out: &mut String, _level: usize, _ctx: &DumpCtx) {
        out.push_str(&kaa_repr::repr_str(self));
    }

    fn simple(&self, _ctx: &DumpCtx) -> bool {
        true
    }
}

impl Dump for i64 {
    fn write(&self, out: &mut String, _level: usize, _ctx: &DumpCtx) {
        use std::fmt::Write;
        let _ = write!(out, "{self}");
    }

    fn simple(&self, _ctx: &DumpCtx) -> bool {
        true
    }
}

impl Dump for Constant {
    fn write(&self, out: &mut String, _level: usize, _ctx: &DumpCtx) {
        out.push_str(&self.repr());
    }

    fn simple(&self, _ctx: &DumpCtx) -> bool {
        true
    }
}
