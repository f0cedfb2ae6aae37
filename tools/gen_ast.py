#!/usr/bin/env python3
"""Generates crates/kaa-parser/src/ast.rs: the AST node types and their dump.

The node list below is kaa's one declaration of the AST; it names the same
classes and fields, in the same order, as CPython 3.11's `ast` module, so that
`kaa -m ast` prints what `python3 -m ast` prints. Run it after editing the
list: `python3 tools/gen_ast.py`. A test checks the output is current.

Field types:  expr  expr?  expr*  expr?*  (a list that may hold None)
              stmt*  ident  ident?  ident*  str?  int  constant  arguments
              and the names of product types and enums below.
"""
import os
import sys

LOCATED = "located"  # carries lineno/col_offset/end_lineno/end_col_offset

SUMS = {
    "Mod": (None, [
        ("Module", [("body", "stmt*"), ("type_ignores", "TypeIgnore*")]),
        ("Interactive", [("body", "stmt*")]),
        ("Expression", [("body", "expr")]),
        ("FunctionType", [("argtypes", "expr*"), ("returns", "expr")]),
    ]),
    "Stmt": (LOCATED, [
        ("FunctionDef", [("name", "ident"), ("args", "arguments"), ("body", "stmt*"),
                         ("decorator_list", "expr*"), ("returns", "expr?"), ("type_comment", "str?")]),
        ("AsyncFunctionDef", [("name", "ident"), ("args", "arguments"), ("body", "stmt*"),
                              ("decorator_list", "expr*"), ("returns", "expr?"), ("type_comment", "str?")]),
        ("ClassDef", [("name", "ident"), ("bases", "expr*"), ("keywords", "Keyword*"),
                      ("body", "stmt*"), ("decorator_list", "expr*")]),
        ("Return", [("value", "expr?")]),
        ("Delete", [("targets", "expr*")]),
        ("Assign", [("targets", "expr*"), ("value", "expr"), ("type_comment", "str?")]),
        ("AugAssign", [("target", "expr"), ("op", "Operator"), ("value", "expr")]),
        ("AnnAssign", [("target", "expr"), ("annotation", "expr"), ("value", "expr?"), ("simple", "int")]),
        ("For", [("target", "expr"), ("iter", "expr"), ("body", "stmt*"), ("orelse", "stmt*"), ("type_comment", "str?")]),
        ("AsyncFor", [("target", "expr"), ("iter", "expr"), ("body", "stmt*"), ("orelse", "stmt*"), ("type_comment", "str?")]),
        ("While", [("test", "expr"), ("body", "stmt*"), ("orelse", "stmt*")]),
        ("If", [("test", "expr"), ("body", "stmt*"), ("orelse", "stmt*")]),
        ("With", [("items", "WithItem*"), ("body", "stmt*"), ("type_comment", "str?")]),
        ("AsyncWith", [("items", "WithItem*"), ("body", "stmt*"), ("type_comment", "str?")]),
        ("Match", [("subject", "expr"), ("cases", "MatchCase*")]),
        ("Raise", [("exc", "expr?"), ("cause", "expr?")]),
        ("Try", [("body", "stmt*"), ("handlers", "ExceptHandler*"), ("orelse", "stmt*"), ("finalbody", "stmt*")]),
        ("TryStar", [("body", "stmt*"), ("handlers", "ExceptHandler*"), ("orelse", "stmt*"), ("finalbody", "stmt*")]),
        ("Assert", [("test", "expr"), ("msg", "expr?")]),
        ("Import", [("names", "Alias*")]),
        ("ImportFrom", [("module", "ident?"), ("names", "Alias*"), ("level", "int")]),
        ("Global", [("names", "ident*")]),
        ("Nonlocal", [("names", "ident*")]),
        ("Expr", [("value", "expr")]),
        ("Pass", []),
        ("Break", []),
        ("Continue", []),
    ]),
    "Expr": (LOCATED, [
        ("BoolOp", [("op", "BoolOp"), ("values", "expr*")]),
        ("NamedExpr", [("target", "expr"), ("value", "expr")]),
        ("BinOp", [("left", "expr"), ("op", "Operator"), ("right", "expr")]),
        ("UnaryOp", [("op", "UnaryOp"), ("operand", "expr")]),
        ("Lambda", [("args", "arguments"), ("body", "expr")]),
        ("IfExp", [("test", "expr"), ("body", "expr"), ("orelse", "expr")]),
        ("Dict", [("keys", "expr?*"), ("values", "expr*")]),
        ("Set", [("elts", "expr*")]),
        ("ListComp", [("elt", "expr"), ("generators", "Comprehension*")]),
        ("SetComp", [("elt", "expr"), ("generators", "Comprehension*")]),
        ("DictComp", [("key", "expr"), ("value", "expr"), ("generators", "Comprehension*")]),
        ("GeneratorExp", [("elt", "expr"), ("generators", "Comprehension*")]),
        ("Await", [("value", "expr")]),
        ("Yield", [("value", "expr?")]),
        ("YieldFrom", [("value", "expr")]),
        ("Compare", [("left", "expr"), ("ops", "CmpOp*"), ("comparators", "expr*")]),
        ("Call", [("func", "expr"), ("args", "expr*"), ("keywords", "Keyword*")]),
        ("FormattedValue", [("value", "expr"), ("conversion", "int"), ("format_spec", "expr?")]),
        ("JoinedStr", [("values", "expr*")]),
        ("Constant", [("value", "constant"), ("kind", "str?")]),
        ("Attribute", [("value", "expr"), ("attr", "ident"), ("ctx", "ExprContext")]),
        ("Subscript", [("value", "expr"), ("slice", "expr"), ("ctx", "ExprContext")]),
        ("Starred", [("value", "expr"), ("ctx", "ExprContext")]),
        ("Name", [("id", "ident"), ("ctx", "ExprContext")]),
        ("List", [("elts", "expr*"), ("ctx", "ExprContext")]),
        ("Tuple", [("elts", "expr*"), ("ctx", "ExprContext")]),
        ("Slice", [("lower", "expr?"), ("upper", "expr?"), ("step", "expr?")]),
    ]),
    "Pattern": (LOCATED, [
        ("MatchValue", [("value", "expr")]),
        ("MatchSingleton", [("value", "constant")]),
        ("MatchSequence", [("patterns", "Pattern*")]),
        ("MatchMapping", [("keys", "expr*"), ("patterns", "Pattern*"), ("rest", "ident?")]),
        ("MatchClass", [("cls", "expr"), ("patterns", "Pattern*"), ("kwd_attrs", "ident*"),
                        ("kwd_patterns", "Pattern*")]),
        ("MatchStar", [("name", "ident?")]),
        ("MatchAs", [("pattern", "Pattern?"), ("name", "ident?")]),
        ("MatchOr", [("patterns", "Pattern*")]),
    ]),
}

# Product types: (python name, located?, fields)
PRODUCTS = {
    "Comprehension": ("comprehension", None, [("target", "expr"), ("iter", "expr"), ("ifs", "expr*"), ("is_async", "int")]),
    "ExceptHandler": ("ExceptHandler", LOCATED, [("type", "expr?"), ("name", "ident?"), ("body", "stmt*")]),
    "Arguments": ("arguments", None, [("posonlyargs", "Arg*"), ("args", "Arg*"), ("vararg", "Arg?"),
                                      ("kwonlyargs", "Arg*"), ("kw_defaults", "expr?*"), ("kwarg", "Arg?"),
                                      ("defaults", "expr*")]),
    "Arg": ("arg", LOCATED, [("arg", "ident"), ("annotation", "expr?"), ("type_comment", "str?")]),
    "Keyword": ("keyword", LOCATED, [("arg", "ident?"), ("value", "expr")]),
    "Alias": ("alias", LOCATED, [("name", "ident"), ("asname", "ident?")]),
    "WithItem": ("withitem", None, [("context_expr", "expr"), ("optional_vars", "expr?")]),
    "MatchCase": ("match_case", None, [("pattern", "Pattern"), ("guard", "expr?"), ("body", "stmt*")]),
    "TypeIgnore": ("TypeIgnore", None, [("lineno", "int"), ("tag", "ident")]),
}

ENUMS = {
    "ExprContext": ["Load", "Store", "Del"],
    "BoolOp": ["And", "Or"],
    "Operator": ["Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
                 "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"],
    "UnaryOp": ["Invert", "Not", "UAdd", "USub"],
    "CmpOp": ["Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"],
}

RUST_KEYWORDS = {"type"}


def rust_field(name):
    return "r#" + name if name in RUST_KEYWORDS else name


def rust_type(t):
    """The Rust type of a field of ASDL-ish type t."""
    base = {
        "expr": "Box<Expr>", "expr?": "Option<Box<Expr>>", "expr*": "Vec<Expr>",
        "expr?*": "Vec<Option<Expr>>", "stmt*": "Vec<Stmt>", "ident": "Ident",
        "ident?": "Option<Ident>", "ident*": "Vec<Ident>", "str?": "Option<String>",
        "int": "i64", "constant": "Constant", "arguments": "Box<Arguments>",
    }
    if t in base:
        return base[t]
    if t.endswith("*"):
        return "Vec<%s>" % t[:-1]
    if t.endswith("?"):
        return "Option<Box<%s>>" % t[:-1]
    if t in SUMS or t in PRODUCTS and t != "Arguments":
        return "Box<%s>" % t
    return t


def is_optional(t):
    return t.endswith("?")


def emit_field_dump(out, indent, fname, ftype, access):
    """Code that adds one field to the NodeDump `n`."""
    if is_optional(ftype):
        out.append("%sif let Some(v) = %s { n.field(\"%s\", v); }" % (indent, access, fname))
    else:
        out.append("%sn.field(\"%s\", %s);" % (indent, fname, access))


def generate():
    out = []
    w = out.append
    w("//! The AST: node types and fields as CPython 3.11's `ast` module has them.")
    w("//!")
    w("//! Generated by tools/gen_ast.py from its node list; do not edit by hand.")
    w("")
    w("#![allow(clippy::large_enum_variant)]")
    w("")
    w("use crate::constant::Constant;")
    w("use crate::dump::{node_simple, write_node, Dump, DumpCtx, NodeDump};")
    w("")
    w("/// An identifier (already NFKC-normalised).")
    w("pub type Ident = String;")
    w("")
    w("/// Where a node sits in the source: 1-based lines, 0-based UTF-8 byte columns.")
    w("#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]")
    w("pub struct Loc {")
    w("    pub lineno: u32,")
    w("    pub col_offset: u32,")
    w("    pub end_lineno: u32,")
    w("    pub end_col_offset: u32,")
    w("}")
    w("")
    w("impl Loc {")
    w("    fn dump_attrs(&self, n: &mut NodeDump) {")
    w("        n.attr_int(\"lineno\", self.lineno as i64);")
    w("        n.attr_int(\"col_offset\", self.col_offset as i64);")
    w("        n.attr_int(\"end_lineno\", self.end_lineno as i64);")
    w("        n.attr_int(\"end_col_offset\", self.end_col_offset as i64);")
    w("    }")
    w("}")
    w("")
    for name, variants in ENUMS.items():
        w("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]")
        w("pub enum %s {" % name)
        for v in variants:
            w("    %s," % v)
        w("}")
        w("")
        w("impl %s {" % name)
        w("    /// The Python class name.")
        w("    pub fn name(self) -> &'static str {")
        w("        match self {")
        for v in variants:
            w("            %s::%s => \"%s\"," % (name, v, v))
        w("        }")
        w("    }")
        w("}")
        w("")
        w("impl Dump for %s {" % name)
        w("    fn write(&self, out: &mut String, _level: usize, _ctx: &DumpCtx) {")
        w("        out.push_str(self.name());")
        w("        out.push_str(\"()\");")
        w("    }")
        w("")
        w("    fn simple(&self, _ctx: &DumpCtx) -> bool {")
        w("        true")
        w("    }")
        w("}")
        w("")
    for name, (located, variants) in SUMS.items():
        kind = name + "Kind" if located else name
        if located:
            w("#[derive(Clone, Debug, PartialEq)]")
            w("pub struct %s {" % name)
            w("    pub node: %s," % kind)
            w("    pub loc: Loc,")
            w("}")
            w("")
        w("#[derive(Clone, Debug, PartialEq)]")
        w("pub enum %s {" % kind)
        for vname, fields in variants:
            if fields:
                w("    %s {" % vname)
                for fname, ftype in fields:
                    w("        %s: %s," % (rust_field(fname), rust_type(ftype)))
                w("    },")
            else:
                w("    %s," % vname)
        w("}")
        w("")
        w("impl %s {" % kind)
        w("    /// The Python class name of this node.")
        w("    pub fn name(&self) -> &'static str {")
        w("        match self {")
        for vname, fields in variants:
            pat = "%s::%s { .. }" % (kind, vname) if fields else "%s::%s" % (kind, vname)
            w("            %s => \"%s\"," % (pat, vname))
        w("        }")
        w("    }")
        w("")
        w("    fn dump_fields(&self, n: &mut NodeDump) {")
        w("        match self {")
        for vname, fields in variants:
            if fields:
                w("            %s::%s { %s } => {" % (kind, vname, ", ".join(rust_field(f) for f, _ in fields)))
                for fname, ftype in fields:
                    emit_field_dump(out, "                ", fname, ftype, rust_field(fname))
                w("            }")
            else:
                w("            %s::%s => {}" % (kind, vname))
        w("        }")
        w("    }")
        w("}")
        w("")
        w("impl %s {" % name)
        w("    fn all_fields(&self, n: &mut NodeDump, ctx: &DumpCtx) {")
        if located:
            w("        self.node.dump_fields(n);")
            w("        if ctx.include_attributes {")
            w("            self.loc.dump_attrs(n);")
            w("        }")
        else:
            w("        let _ = ctx;")
            w("        self.dump_fields(n);")
        w("    }")
        w("}")
        w("")
        w("impl Dump for %s {" % name)
        w("    fn write(&self, out: &mut String, level: usize, ctx: &DumpCtx) {")
        nm = "self.node.name()" if located else "self.name()"
        w("        write_node(%s, out, level, ctx, &|n| self.all_fields(n, ctx));" % nm)
        w("    }")
        w("")
        w("    fn simple(&self, ctx: &DumpCtx) -> bool {")
        w("        node_simple(ctx, &|n| self.all_fields(n, ctx))")
        w("    }")
        w("}")
        w("")
    for name, (pyname, located, fields) in PRODUCTS.items():
        w("#[derive(Clone, Debug, PartialEq)]")
        w("pub struct %s {" % name)
        for fname, ftype in fields:
            w("    pub %s: %s," % (rust_field(fname), rust_type(ftype)))
        if located:
            w("    pub loc: Loc,")
        w("}")
        w("")
        w("impl %s {" % name)
        w("    fn all_fields(&self, n: &mut NodeDump, ctx: &DumpCtx) {")
        if not located:
            w("        let _ = ctx;")
        for fname, ftype in fields:
            emit_field_dump(out, "        ", fname, ftype, "&self.%s" % rust_field(fname))
        if located:
            w("        if ctx.include_attributes {")
            w("            self.loc.dump_attrs(n);")
            w("        }")
        w("    }")
        w("}")
        w("")
        w("impl Dump for %s {" % name)
        w("    fn write(&self, out: &mut String, level: usize, ctx: &DumpCtx) {")
        w("        write_node(\"%s\", out, level, ctx, &|n| self.all_fields(n, ctx));" % pyname)
        w("    }")
        w("")
        w("    fn simple(&self, ctx: &DumpCtx) -> bool {")
        w("        node_simple(ctx, &|n| self.all_fields(n, ctx))")
        w("    }")
        w("}")
        w("")
    text = "\n".join(out) + "\n"
    return text


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, "crates", "kaa-parser", "src", "ast.rs")
    text = generate()
    if "--check" in sys.argv:
        with open(path) as f:
            if f.read() != text:
                sys.exit("ast.rs is out of date: run python3 tools/gen_ast.py")
        return
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
