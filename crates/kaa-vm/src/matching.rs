//! The `match` statement's opcodes (CPython 3.11): MATCH_MAPPING,
//! MATCH_SEQUENCE, MATCH_KEYS and MATCH_CLASS.

use crate::exceptions::PyResult;
use crate::object::Payload;
use crate::types::{is_subtype, lookup, type_data};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// MATCH_MAPPING: whether the subject is a mapping (Py_TPFLAGS_MAPPING).
    pub(crate) fn is_mapping(&self, v: &Value) -> bool {
        matches!(v.payload(), Some(Payload::Dict(_)))
    }

    /// MATCH_SEQUENCE: whether the subject is a sequence for `match`
    /// (list, tuple, range and their subclasses; never str or bytes).
    pub(crate) fn is_match_sequence(&self, v: &Value) -> bool {
        matches!(
            v.payload(),
            Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range(_))
        )
    }

    /// MATCH_KEYS: the values for `keys` in `subject`, or None when one
    /// is missing.
    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        let mut out = Vec::with_capacity(keys.len());
        let get = self.get_attr_opt(subject, "get")?;
        for (i, k) in keys.iter().enumerate() {
            if keys[..i]
                .iter()
                .any(|p| crate::hash::simple_eq(p, k) == Some(true))
            {
                let r = self.repr_of(k)?;
                return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
            let found = match subject.as_obj() {
                Some(o) if matches!(o.payload, Payload::Dict(_)) && !self.is_heap(subject) => {
                    crate::dict::dict_get(self, o, k)?
                }
                _ => match &get {
                    Some(g) => {
                        let marker = self.null.clone();
                        let r = self.call(g, &[k.clone(), marker.clone()])?;
                        if r.is(&marker) {
                            None
                        } else {
                            Some(r)
                        }
                    }
                    None => None,
                },
            };
            match found {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(out))
    }

    /// MATCH_CLASS: the attributes `cls(<count positional>, **kw_names)`
    /// extracts from `subject`, or None when it does not match.
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        count: usize,
        kw_names: &Value,
    ) -> PyResult<Value> {
        let Some(t) = cls.as_obj().filter(|o| type_data(o).is_some()).cloned() else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if !is_subtype(&self.type_of(subject), &t) {
            return Ok(Value::None);
        }
        let tname = type_data(&t).map_or(String::new(), |d| d.name.clone());
        let mut names: Vec<String> = Vec::new();
        let mut out = Vec::new();
        if count > 0 {
            let match_args = lookup(&t, "__match_args__");
            match match_args {
                Some(ma) => {
                    let Some(items) = ma.as_tuple().map(|x| x.to_vec()) else {
                        return Err(self.type_error(format!(
                            "{tname}.__match_args__ must be a tuple (got {})",
                            self.type_name(&ma)
                        )));
                    };
                    if count > items.len() {
                        return Err(self.type_error(format!(
                            "{tname}() accepts {} positional sub-pattern{} ({count} given)",
                            items.len(),
                            if items.len() == 1 { "" } else { "s" }
                        )));
                    }
                    for it in items.iter().take(count) {
                        let Some(n) = it.as_str() else {
                            return Err(self.type_error(format!(
                                "__match_args__ elements must be strings (got {})",
                                self.type_name(it)
                            )));
                        };
                        names.push(n.to_string());
                    }
                }
                None => {
                    let self_match = [
                        "bool",
                        "bytearray",
                        "bytes",
                        "dict",
                        "float",
                        "frozenset",
                        "int",
                        "list",
                        "set",
                        "str",
                        "tuple",
                    ]
                    .iter()
                    .any(|n| {
                        self.builtin_type_named(n)
                            .is_some_and(|bt| is_subtype(&t, &bt))
                    });
                    if self_match && count == 1 {
                        out.push(subject.clone());
                    } else {
                        return Err(self.type_error(format!(
                            "{tname}() accepts {} positional sub-pattern{} ({count} given)",
                            if self_match { 1 } else { 0 },
                            if self_match { "" } else { "s" }
                        )));
                    }
                }
            }
        }
        for k in kw_names.as_tuple().unwrap_or(&[]) {
            let n = k.as_str().unwrap_or("").to_string();
            if names.contains(&n) {
                return Err(self.type_error(format!(
                    "{tname}() got multiple sub-patterns for attribute '{n}'"
                )));
            }
            names.push(n);
        }
        for n in names {
            match self.get_attr_opt(subject, &n)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(out))
    }

    /// The built-in type called `name` (from the builtins module).
    fn builtin_type_named(&self, name: &str) -> Option<crate::object::ObjRef> {
        crate::dict::dict_get_str(&self.builtins, name).and_then(|v| v.as_obj().cloned())
    }
}
