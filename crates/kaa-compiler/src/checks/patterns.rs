//! `match` statements (PEP 634) as compile.c compiles them
//! (`compiler_match`, `compiler_pattern_*`): the errors about unreachable
//! cases, names bound twice or differently, duplicate mapping keys and
//! repeated class pattern attributes.
//!
//! Each pattern moves the current position to itself and does not move
//! it back, so an error found after a sub-pattern (names bound differently
//! by alternatives, a name bound twice) points at the last sub-pattern
//! compiled, as in CPython.

use kaa_parser::ast::{Expr, ExprContext, ExprKind, Ident, MatchCase, Pattern, PatternKind};
use kaa_parser::constant::Constant;
use kaa_parser::SyntaxError;
use kaa_repr::repr_str;

use super::fold::{fold, py_eq};
use super::unit::{Check, Unit};
use super::walk::Walker;

/// What compiling one case's pattern tracks (`pattern_context`), with
/// the rules about the names it binds.
#[derive(Debug, Default)]
pub struct PatternContext {
    /// The names the pattern binds so far, in order (`stores`).
    pub stores: Vec<Ident>,
    /// Whether an irrefutable pattern is allowed here: in a case that is
    /// last or guarded, or inside another pattern (`allow_irrefutable`).
    pub allow_irrefutable: bool,
}

impl PatternContext {
    /// `pattern_helper_store_name`: a capture (not `__debug__`), bound at
    /// most once.
    pub fn store_name(&mut self, unit: &Unit<'_>, name: Option<&str>) -> Check {
        let Some(name) = name else {
            return Ok(());
        };
        unit.forbidden_name(name, ExprContext::Store)?;
        if self.stores.iter().any(|n| n == name) {
            return Err(duplicate_store(unit, name));
        }
        self.stores.push(name.to_string());
        Ok(())
    }

    /// `compiler_pattern_as` without a sub-pattern: a capture or `_`
    /// matches anything, so it must be allowed to.
    pub fn check_irrefutable(&self, unit: &Unit<'_>, name: Option<&str>) -> Check {
        if self.allow_irrefutable {
            return Ok(());
        }
        Err(unit.error(match name {
            Some(name) => format!(
                "name capture {} makes remaining patterns unreachable",
                repr_str(name)
            ),
            None => "wildcard makes remaining patterns unreachable".to_string(),
        }))
    }

    /// `compiler_pattern_or`, after an alternative: it must bind the
    /// names the first one (`control`) binds.
    pub fn check_alternative(&self, unit: &Unit<'_>, control: &[Ident]) -> Check {
        let same =
            control.len() == self.stores.len() && control.iter().all(|n| self.stores.contains(n));
        if !same {
            return Err(unit.error("alternative patterns bind different names"));
        }
        Ok(())
    }

    /// `compiler_pattern_or`, at the end: the alternatives' names join the
    /// enclosing pattern's, each at most once.
    pub fn bind_alternatives(&mut self, unit: &Unit<'_>, control: Vec<Ident>) -> Check {
        for name in control {
            if self.stores.contains(&name) {
                return Err(duplicate_store(unit, &name));
            }
            self.stores.push(name);
        }
        Ok(())
    }
}

/// "multiple assignments to name 'x' in pattern".
fn duplicate_store(unit: &Unit<'_>, name: &str) -> Box<SyntaxError> {
    unit.error(format!(
        "multiple assignments to name {} in pattern",
        repr_str(name)
    ))
}

/// `_` (`WILDCARD_CHECK`).
pub fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p.node,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

/// `compiler_pattern_value`: after folding, the value must be a constant
/// or an attribute lookup; says whether it is the latter (the one to
/// compile).
pub fn check_value(unit: &Unit<'_>, value: &Expr) -> Result<bool, Box<SyntaxError>> {
    if fold(value).is_some() {
        return Ok(false);
    }
    if matches!(value.node, ExprKind::Attribute { .. }) {
        return Ok(true);
    }
    Err(unit.error("patterns may only match literals and attribute lookups"))
}

/// `compiler_pattern_sequence`: at most one starred name.
pub fn check_sequence_stars(unit: &Unit<'_>, patterns: &[Pattern]) -> Check {
    let stars = patterns
        .iter()
        .filter(|q| matches!(q.node, PatternKind::MatchStar { .. }));
    if stars.count() > 1 {
        return Err(unit.error("multiple starred names in sequence pattern"));
    }
    Ok(())
}

/// `compiler_pattern_mapping`'s keys: each a constant after folding (none
/// equal to an earlier one) or an attribute lookup.
pub fn check_mapping_keys(unit: &Unit<'_>, keys: &[Expr]) -> Check {
    let mut seen: Vec<Constant> = Vec::new();
    for key in keys {
        match fold(key) {
            Some(value) => {
                if seen.iter().any(|s| py_eq(s, &value)) {
                    return Err(unit.error(format!(
                        "mapping pattern checks duplicate key ({})",
                        value.repr()
                    )));
                }
                seen.push(value);
            }
            None if matches!(key.node, ExprKind::Attribute { .. }) => {}
            None => {
                return Err(unit
                    .error("mapping pattern keys may only match literals and attribute lookups"))
            }
        }
    }
    Ok(())
}

/// `validate_kwd_attrs`: a class pattern's keyword names are not
/// `__debug__` and not repeated; errors point at the sub-pattern.
pub fn check_class_keywords(
    unit: &mut Unit<'_>,
    kwd_attrs: &[Ident],
    kwd_patterns: &[Pattern],
) -> Check {
    for (i, attr) in kwd_attrs.iter().enumerate() {
        if let Some(q) = kwd_patterns.get(i) {
            unit.set_loc(q.loc);
        }
        unit.forbidden_name(attr, ExprContext::Store)?;
        for (j, other) in kwd_attrs.iter().enumerate().skip(i + 1) {
            if other == attr {
                if let Some(q) = kwd_patterns.get(j) {
                    unit.set_loc(q.loc);
                }
                return Err(unit.error(format!("attribute name repeated in class pattern: {attr}")));
            }
        }
    }
    Ok(())
}

impl<'a> Walker<'a, '_> {
    /// `compiler_match`: the subject, then each case's pattern, guard and
    /// body; a final `case _:` after others is compiled without its
    /// pattern.
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> Check {
        self.expr(subject)?;
        let count = cases.len();
        let has_default = count > 1 && cases.last().is_some_and(|m| is_wildcard(&m.pattern));
        let compiled = count - usize::from(has_default);
        for (i, case) in cases.iter().enumerate().take(compiled) {
            self.cur.set_loc(case.pattern.loc);
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == count,
            };
            self.pattern(&case.pattern, &mut pc)?;
            // The captured names are then stored; each passed
            // `forbidden_name` when the pattern bound it.
            if let Some(guard) = &case.guard {
                self.jump_if(guard)?;
            }
            self.stmts(&case.body)?;
            self.cur.unset_loc();
            self.cur.set_loc(case.pattern.loc);
        }
        if has_default {
            if let Some(case) = cases.last() {
                self.cur.set_loc(case.pattern.loc);
                if let Some(guard) = &case.guard {
                    self.jump_if(guard)?;
                }
                self.stmts(&case.body)?;
                self.cur.unset_loc();
            }
        }
        Ok(())
    }

    /// `compiler_pattern`: at the pattern's position, not restored.
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Check {
        self.cur.set_loc(p.loc);
        match &p.node {
            PatternKind::MatchValue { value } => {
                if check_value(&self.cur, value)? {
                    self.expr(value)?;
                }
                Ok(())
            }
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                check_mapping_keys(&self.cur, keys)?;
                // The attribute keys (constants compile to nothing).
                self.exprs(keys)?;
                patterns.iter().try_for_each(|q| self.subpattern(q, pc))?;
                pc.store_name(&self.cur, rest.as_deref())
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                if !kwd_attrs.is_empty() {
                    check_class_keywords(&mut self.cur, kwd_attrs, kwd_patterns)?;
                    self.cur.set_loc(p.loc);
                }
                self.expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .filter(|q| !is_wildcard(q))
                    .try_for_each(|q| self.subpattern(q, pc))
            }
            PatternKind::MatchStar { name } => pc.store_name(&self.cur, name.as_deref()),
            PatternKind::MatchAs { pattern, name } => {
                match pattern {
                    None => pc.check_irrefutable(&self.cur, name.as_deref())?,
                    Some(inner) => self.pattern(inner, pc)?,
                }
                pc.store_name(&self.cur, name.as_deref())
            }
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc),
        }
    }

    /// `compiler_pattern_subpattern`: irrefutable patterns are fine inside
    /// another pattern.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> Check {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// `compiler_pattern_sequence`: the items that are not wildcards are
    /// sub-patterns.
    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> Check {
        check_sequence_stars(&self.cur, patterns)?;
        let is_star = |q: &Pattern| matches!(q.node, PatternKind::MatchStar { .. });
        let star = patterns.iter().position(is_star);
        let star_wildcard = star
            .and_then(|i| patterns.get(i))
            .is_some_and(|q| matches!(q.node, PatternKind::MatchStar { name: None }));
        let only_wildcard = patterns
            .iter()
            .all(|q| is_wildcard(q) || matches!(q.node, PatternKind::MatchStar { name: None }));
        if only_wildcard {
            return Ok(());
        }
        if star_wildcard {
            // `pattern_helper_sequence_subscr`: wildcards are skipped.
            for (i, q) in patterns.iter().enumerate() {
                if is_wildcard(q) || star == Some(i) {
                    continue;
                }
                self.subpattern(q, pc)?;
            }
            return Ok(());
        }
        // `pattern_helper_sequence_unpack`.
        self.cur
            .check_unpack(patterns, is_star, "sequence pattern")?;
        patterns.iter().try_for_each(|q| self.subpattern(q, pc))
    }

    /// `compiler_pattern_or`: every alternative binds the same names
    /// (only the last may be irrefutable); they are then bound once.
    fn pattern_or(&mut self, alternatives: &'a [Pattern], pc: &mut PatternContext) -> Check {
        let outer_stores = std::mem::take(&mut pc.stores);
        let outer_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<Ident>> = None;
        let last = alternatives.len().saturating_sub(1);
        for (i, alt) in alternatives.iter().enumerate() {
            self.cur.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == last && outer_allow;
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(std::mem::take(&mut pc.stores)),
                Some(names) => pc.check_alternative(&self.cur, names)?,
            }
        }
        pc.stores = outer_stores;
        pc.allow_irrefutable = outer_allow;
        pc.bind_alternatives(&self.cur, control.unwrap_or_default())
    }
}
