//! The symbol table's second pass: decide the scope of every name
//! (symtable.c's `symtable_analyze`, `analyze_block`, `analyze_name`,
//! `analyze_cells`, `update_symbols`).
//!
//! Each block is analysed with three sets from its parent: `bound` (names
//! bound in enclosing function blocks; `None` for the module), `global`
//! (names declared global in enclosing blocks) and, as output, `free`
//! (names its blocks use freely). A class's own names are not visible to
//! the functions inside it, except the implicit `__class__`.

use std::collections::{BTreeSet, HashMap, HashSet};

use kaa_parser::SyntaxError;

use super::builder::VisitResult;
use super::{BlockType, NameScope, Scope, ScopeId, SymbolFlags};
use crate::error::{syntax_error, ErrorSpan};

type NameSet = HashSet<String>;

/// Resolves the scope of every symbol of every block reachable from the
/// module.
pub(super) fn analyze(scopes: &mut [Scope], source: &str) -> VisitResult {
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    let mut cx = Analyzer { scopes, source };
    cx.analyze_block(ScopeId::TOP, None, &mut free, &mut global)
}

struct Analyzer<'t, 's> {
    scopes: &'t mut [Scope],
    source: &'s str,
}

impl Analyzer<'_, '_> {
    /// `analyze_block`: resolves the names of block `id`, then its children.
    /// `bound` and `global` are this block's own copies (a child's changes
    /// do not reach its siblings); `free` collects the free names for the
    /// parent.
    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<&mut NameSet>,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> VisitResult {
        let block = self.scopes[id.index()].block;
        let mut scopes: HashMap<String, NameScope> = HashMap::new();
        let mut local = NameSet::new();
        let mut newglobal = NameSet::new();
        let mut newbound = NameSet::new();

        // A class's names are not visible in its methods: what the children
        // see is fixed before the class's own names are analysed.
        if block == BlockType::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(bound) = bound.as_deref() {
                newbound.extend(bound.iter().cloned());
            }
        }

        let count = self.scopes[id.index()].symbols.len();
        for i in 0..count {
            let (name, flags) = {
                let sym = &self.scopes[id.index()].symbols[i];
                (sym.name.clone(), sym.flags)
            };
            let scope = self.analyze_name(
                id,
                &name,
                flags,
                bound.as_deref_mut(),
                &mut local,
                free,
                global,
            )?;
            scopes.insert(name, scope);
        }

        if block == BlockType::Class {
            // The implicit `__class__` cell is visible to methods.
            newbound.insert("__class__".to_string());
        } else {
            if block == BlockType::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(bound) = bound.as_deref() {
                newbound.extend(bound.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        }

        // Analyse the children, each with its own copies of the sets.
        let mut allfree = NameSet::new();
        let children = self.scopes[id.index()].children.clone();
        for child in children {
            let mut child_bound = newbound.clone();
            let mut child_free = NameSet::new();
            let mut child_global = newglobal.clone();
            self.analyze_block(
                child,
                Some(&mut child_bound),
                &mut child_free,
                &mut child_global,
            )?;
            allfree.extend(child_free);
            let c = &self.scopes[child.index()];
            if c.free || c.child_free {
                self.scopes[id.index()].child_free = true;
            }
        }
        let mut newfree = allfree;

        match block {
            BlockType::Function => analyze_cells(&mut scopes, &mut newfree),
            BlockType::Class => {
                // drop_class_free: a method's free `__class__` is this
                // class's implicit cell.
                if newfree.remove("__class__") {
                    self.scopes[id.index()].needs_class_closure = true;
                }
            }
            BlockType::Module | BlockType::Annotation => {}
        }
        self.update_symbols(
            id,
            &scopes,
            bound.as_deref(),
            &newfree,
            block == BlockType::Class,
        );
        free.extend(newfree);
        Ok(())
    }

    /// `analyze_name`: the scope of one name of block `id`, given its flags.
    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: ScopeId,
        name: &str,
        flags: SymbolFlags,
        bound: Option<&mut NameSet>,
        local: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> Result<NameScope, Box<SyntaxError>> {
        if flags.intersects(SymbolFlags::DEF_GLOBAL) {
            if flags.intersects(SymbolFlags::DEF_NONLOCAL) {
                let msg = format!("name '{name}' is nonlocal and global");
                return Err(self.error_at_directive(id, name, msg));
            }
            global.insert(name.to_string());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(NameScope::GlobalExplicit);
        }
        if flags.intersects(SymbolFlags::DEF_NONLOCAL) {
            let Some(bound) = bound else {
                let msg = "nonlocal declaration not allowed at module level".to_string();
                return Err(self.error_at_directive(id, name, msg));
            };
            if !bound.contains(name) {
                let msg = format!("no binding for nonlocal '{name}' found");
                return Err(self.error_at_directive(id, name, msg));
            }
            self.scopes[id.index()].free = true;
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
        if flags.intersects(SymbolFlags::DEF_BOUND) {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(NameScope::Local);
        }
        // Bound in an enclosing function: free here. (A non-`None` bound
        // means the block is nested.)
        if bound.is_some_and(|b| b.contains(name)) {
            self.scopes[id.index()].free = true;
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
        // Declared global in an enclosing block, or nowhere: implicit global.
        if !global.contains(name) && self.scopes[id.index()].nested {
            self.scopes[id.index()].free = true;
        }
        Ok(NameScope::GlobalImplicit)
    }

    /// The error for a bad `global`/`nonlocal` declaration, located at the
    /// first declaration of `name` in the block (`error_at_directive`).
    fn error_at_directive(&self, id: ScopeId, name: &str, msg: String) -> Box<SyntaxError> {
        let scope = &self.scopes[id.index()];
        let loc = scope
            .directives
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, loc)| *loc)
            .unwrap_or_default();
        Box::new(syntax_error(self.source, msg, ErrorSpan::of(loc)))
    }

    /// `update_symbols`: stores the resolved scopes, and adds the free
    /// names that pass through this block on their way to the binding
    /// block (sorted, where CPython uses set order).
    fn update_symbols(
        &mut self,
        id: ScopeId,
        scopes: &HashMap<String, NameScope>,
        bound: Option<&NameSet>,
        free: &NameSet,
        is_class: bool,
    ) {
        let scope = &mut self.scopes[id.index()];
        for sym in &mut scope.symbols {
            sym.scope = scopes.get(&sym.name).copied();
        }
        let sorted: BTreeSet<&String> = free.iter().collect();
        for name in sorted {
            if let Some(&i) = scope.index.get(name.as_str()) {
                // A method's free variable that is also a name of the
                // class: both must be kept apart (DEF_FREE_CLASS).
                if let Some(sym) = scope.symbols.get_mut(i) {
                    let class_binding = SymbolFlags::DEF_BOUND | SymbolFlags::DEF_GLOBAL;
                    if is_class && sym.flags.intersects(class_binding) {
                        sym.flags |= SymbolFlags::DEF_FREE_CLASS;
                    }
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name.as_str())) {
                // Not bound in an enclosing function: a global.
                continue;
            }
            scope.set_flags(name, SymbolFlags::empty());
            if let Some(sym) = scope.symbols.last_mut() {
                sym.scope = Some(NameScope::Free);
            }
        }
    }
}

/// `analyze_cells`: a local of a function that a nested block uses freely
/// becomes a cell, and is no longer free above this block.
fn analyze_cells(scopes: &mut HashMap<String, NameScope>, free: &mut NameSet) {
    for (name, scope) in scopes.iter_mut() {
        if *scope == NameScope::Local && free.remove(name.as_str()) {
            *scope = NameScope::Cell;
        }
    }
}
