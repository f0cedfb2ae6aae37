//! `ast.dump()`: the text `python3 -m ast` prints, character for character.

use crate::ast::Mod;
use crate::constant::Constant;

/// Options of `ast.dump` that `-m ast` uses.
pub struct DumpCtx {
    /// `None` for the one-line form; `Some(s)` repeats `s` per level.
    pub indent: Option<String>,
    pub include_attributes: bool,
}

/// Something `ast.dump`'s `_format` can format: returns the text and whether
/// it is "simple" (short enough to keep its parent on one line).
pub trait Dump {
    fn dump(&self, level: usize, ctx: &DumpCtx) -> (String, bool);
}

/// Dumps a whole tree as `ast.dump(tree, include_attributes=.., indent=..)`.
pub fn dump(tree: &Mod, ctx: &DumpCtx) -> String {
    tree.dump(0, ctx).0
}

/// Separators for one nesting level, as `_format` computes them.
fn separators(level: usize, ctx: &DumpCtx) -> (usize, String, String) {
    match &ctx.indent {
        Some(ind) => {
            let level = level + 1;
            let pad = ind.repeat(level);
            (level, format!("\n{pad}"), format!(",\n{pad}"))
        }
        None => (level, String::new(), ", ".to_string()),
    }
}

/// Builds the dump of one AST node, field by field.
pub struct NodeDump<'c> {
    name: &'static str,
    level: usize,
    prefix: String,
    sep: String,
    ctx: &'c DumpCtx,
    args: Vec<String>,
    all_simple: bool,
}

impl<'c> NodeDump<'c> {
    pub fn new(name: &'static str, level: usize, ctx: &'c DumpCtx) -> NodeDump<'c> {
        let (level, prefix, sep) = separators(level, ctx);
        NodeDump {
            name,
            level,
            prefix,
            sep,
            ctx,
            args: Vec::new(),
            all_simple: true,
        }
    }

    /// Adds `name=value`.
    pub fn field<T: Dump + ?Sized>(&mut self, name: &str, value: &T) {
        let (text, simple) = value.dump(self.level, self.ctx);
        self.all_simple &= simple;
        self.args.push(format!("{name}={text}"));
    }

    /// Adds an integer attribute (`lineno=3`).
    pub fn attr_int(&mut self, name: &str, value: i64) {
        self.args.push(format!("{name}={value}"));
    }

    pub fn finish(self) -> (String, bool) {
        if self.all_simple && self.args.len() <= 3 {
            let simple = self.args.is_empty();
            (format!("{}({})", self.name, self.args.join(", ")), simple)
        } else {
            (
                format!("{}({}{})", self.name, self.prefix, self.args.join(&self.sep)),
                false,
            )
        }
    }
}

impl<T: Dump> Dump for Vec<T> {
    fn dump(&self, level: usize, ctx: &DumpCtx) -> (String, bool) {
        if self.is_empty() {
            return ("[]".to_string(), true);
        }
        let (level, prefix, sep) = separators(level, ctx);
        let items: Vec<String> = self.iter().map(|x| x.dump(level, ctx).0).collect();
        (format!("[{}{}]", prefix, items.join(&sep)), false)
    }
}

impl<T: Dump> Dump for Option<T> {
    fn dump(&self, level: usize, ctx: &DumpCtx) -> (String, bool) {
        match self {
            Some(v) => v.dump(level, ctx),
            None => ("None".to_string(), true),
        }
    }
}

impl<T: Dump + ?Sized> Dump for Box<T> {
    fn dump(&self, level: usize, ctx: &DumpCtx) -> (String, bool) {
        (**self).dump(level, ctx)
    }
}

impl<T: Dump + ?Sized> Dump for &T {
    fn dump(&self, level: usize, ctx: &DumpCtx) -> (String, bool) {
        (**self).dump(level, ctx)
    }
}

impl Dump for String {
    fn dump(&self, _level: usize, _ctx: &DumpCtx) -> (String, bool) {
        (crate::pyrepr::repr_str(self), true)
    }
}

impl Dump for i64 {
    fn dump(&self, _level: usize, _ctx: &DumpCtx) -> (String, bool) {
        (self.to_string(), true)
    }
}

impl Dump for Constant {
    fn dump(&self, _level: usize, _ctx: &DumpCtx) -> (String, bool) {
        (self.repr(), true)
    }
}
