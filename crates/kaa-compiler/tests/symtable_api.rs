//! The symbol table's interface for the code generator: finding the scope
//! of a node, resolving names, cell and free variable order, futures.

use kaa_compiler::future::parse_future;
use kaa_compiler::symtable::{build, build_with, BuildOptions, RECURSION_LIMIT};
use kaa_compiler::{BlockType, ComprehensionKind, NameScope, ScopeId, SymbolTable};
use kaa_parser::ast::{ExprKind, Mod, Stmt, StmtKind};
use kaa_parser::{ErrorKind, Mode};

fn parse(src: &str) -> Mod {
    kaa_parser::parse(src, Mode::Exec).expect("parses")
}

fn body(m: &Mod) -> &[Stmt] {
    match m {
        Mod::Module { body, .. } => body,
        _ => panic!("not a module"),
    }
}

fn function_body(s: &Stmt) -> &[Stmt] {
    match &s.node {
        StmtKind::FunctionDef { body, .. } | StmtKind::ClassDef { body, .. } => body,
        _ => panic!("not a def or class"),
    }
}

#[test]
fn scopes_are_found_from_their_nodes() {
    let src = "\
class C:
    def m(self):
        return lambda: [x for x in self]
f = (lambda: 1, {k: v for k, v in d})
";
    let m = parse(src);
    let table: SymbolTable = build(&m, src, false).expect("builds");
    let stmts = body(&m);

    let c = table.scope_of_stmt(&stmts[0]).expect("class scope");
    assert_eq!(table.scope(c).name, "C");
    assert_eq!(table.scope(c).block, BlockType::Class);
    assert_eq!(table.scope(c).parent, Some(ScopeId::TOP));

    let method = &function_body(&stmts[0])[0];
    let m_id = table.scope_of_stmt(method).expect("method scope");
    assert_eq!(table.scope(m_id).name, "m");
    assert_eq!(table.scope(m_id).private.as_deref(), Some("C"));
    assert_eq!(table.scope(c).children, vec![m_id]);

    let StmtKind::Return { value: Some(ret) } = &function_body(method)[0].node else {
        panic!("return");
    };
    let lam = table.scope_of_expr(ret).expect("lambda scope");
    assert_eq!(table.scope(lam).name, "lambda");
    let ExprKind::Lambda { body: comp, .. } = &ret.node else {
        panic!("lambda");
    };
    let comp_id = table.scope_of_expr(comp).expect("listcomp scope");
    let comp_scope = table.scope(comp_id);
    assert_eq!(comp_scope.comprehension, Some(ComprehensionKind::List));
    assert_eq!(comp_scope.varnames, vec![".0"]);
    // The outermost iterable is evaluated in the lambda, which takes
    // `self` from the method as a free variable.
    assert_eq!(table.scope(lam).scope_of("self"), Some(NameScope::Free));
    assert_eq!(table.scope(m_id).scope_of("self"), Some(NameScope::Cell));
    assert_eq!(table.scope(m_id).cellvars(), vec!["self"]);
    assert_eq!(table.scope(lam).freevars(), vec!["self"]);

    // Nodes that create no scope, and nodes of another tree, find nothing.
    assert_eq!(table.scope_of_stmt(&stmts[1]), None);
    let other = parse(src);
    assert_eq!(table.scope_of_stmt(&body(&other)[0]), None);
}

#[test]
fn names_resolve_with_mangling() {
    let src = "\
class C:
    __x = 1
    def m(self):
        return __x, super()
";
    let m = parse(src);
    let table = build(&m, src, false).expect("builds");
    let c = table.scope_of_stmt(&body(&m)[0]).expect("class");
    let class = table.scope(c);
    assert_eq!(class.scope_of("__x"), Some(NameScope::Local));
    assert!(class.lookup("_C__x").is_some());
    assert!(class.lookup("__x").is_none());
    assert!(class.needs_class_closure);
    assert_eq!(class.cellvars(), vec!["__class__"]);
    let method = table.scope(class.children[0]);
    assert_eq!(method.scope_of("__x"), Some(NameScope::GlobalImplicit));
    assert_eq!(method.scope_of("__class__"), Some(NameScope::Free));
    assert_eq!(method.freevars(), vec!["__class__"]);
    assert_eq!(method.scope_of("undefined"), None);
}

#[test]
fn future_features() {
    let src = "\"\"\"doc\"\"\"\nfrom __future__ import annotations\nfrom __future__ import generator_stop\nx: T\n";
    let m = parse(src);
    let future = parse_future(&m, src).expect("valid futures");
    assert!(future.annotations);
    assert!(!future.barry_as_flufl);
    assert_eq!(future.lineno, Some(3));
    let table = build(&m, src, future.annotations).expect("builds");
    // Under PEP 563 the annotation's names are not recorded.
    assert!(table.top().lookup("T").is_none());
    assert!(table.top().lookup("x").is_some());

    let late = "import os\nfrom __future__ import annotations\n";
    let m = parse(late);
    let future = parse_future(&m, late).expect("left to the code generator");
    assert!(!future.annotations);
    assert_eq!(future.lineno, None);
}

#[test]
fn recursion_limit_counts_from_start_depth() {
    let depth = (RECURSION_LIMIT - 10) as usize;
    let src = format!("x = {}1\n", "-".repeat(depth));
    let result = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let m = parse(&src);
            let ok = build(&m, &src, false).is_ok();
            let options = BuildOptions {
                start_depth: 20,
                ..BuildOptions::default()
            };
            let err = build_with(&m, &src, &options).expect_err("too deep");
            (ok, err.kind, err.msg)
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    assert!(result.0);
    assert_eq!(result.1, ErrorKind::RecursionError);
    assert_eq!(
        result.2,
        "maximum recursion depth exceeded during compilation"
    );
}
