//! LOAD_GLOBAL with an inline cache (CPython 3.11's LOAD_GLOBAL_MODULE and
//! LOAD_GLOBAL_BUILTIN): the entry position of the name in globals or
//! builtins, valid while both dicts' keys versions are unchanged. A store
//! to an existing global keeps the version (the cache reads the current
//! value at the cached position); adding or deleting any key invalidates.

use std::cell::Cell;

use crate::code::{CodeInfo, GlobalCache};
use crate::exceptions::PyResult;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// The value of global `co_names[ni]` for `code` running with
    /// `globals`, through the code's cache for that name.
    #[inline]
    pub(crate) fn load_global_cached(
        &mut self,
        code: &CodeInfo,
        globals: &ObjRef,
        ni: usize,
    ) -> PyResult<Value> {
        let (Some(slot), Payload::Dict(g)) = (code.global_cache.get(ni), &globals.payload) else {
            return self.load_global_slow(code, globals, ni);
        };
        let c = slot.get();
        let g = g.borrow();
        if c.globals_version != 0 && g.current_version() == c.globals_version {
            if !c.builtin {
                if let Some(e) = g.entry_at(c.index as usize) {
                    return Ok(e.value.clone());
                }
            } else if let Payload::Dict(b) = &self.builtins.payload {
                let b = b.borrow();
                if b.current_version() == c.builtins_version {
                    if let Some(e) = b.entry_at(c.index as usize) {
                        return Ok(e.value.clone());
                    }
                }
            }
        }
        drop(g);
        self.fill_global_cache(code, globals, ni, slot)
    }

    /// A cache miss: looks the name up (globals, then builtins) and
    /// records where it was found.
    #[cold]
    #[inline(never)]
    fn fill_global_cache(
        &mut self,
        code: &CodeInfo,
        globals: &ObjRef,
        ni: usize,
        slot: &Cell<GlobalCache>,
    ) -> PyResult<Value> {
        let name = code.names.get(ni).cloned().unwrap_or(Value::None);
        slot.set(GlobalCache::default());
        let (Payload::Dict(g), Payload::Dict(b), Some(Payload::Str(sd))) =
            (&globals.payload, &self.builtins.payload, name.payload())
        else {
            return self.load_global(globals, &name);
        };
        let hash = sd.hash();
        let text = sd.as_str();
        let mut eq = |k: &Value| k.is(&name) || k.as_str() == Some(text);
        {
            let gt = g.borrow();
            if let Some(ix) = gt.find(hash, &mut eq) {
                if let (Some(e), Ok(index)) = (gt.entry_at(ix), u32::try_from(ix)) {
                    slot.set(GlobalCache {
                        globals_version: gt.keys_version(),
                        builtins_version: 0,
                        index,
                        builtin: false,
                    });
                    return Ok(e.value.clone());
                }
            }
            let bt = b.borrow();
            if let Some(ix) = bt.find(hash, &mut eq) {
                if let (Some(e), Ok(index)) = (bt.entry_at(ix), u32::try_from(ix)) {
                    slot.set(GlobalCache {
                        globals_version: gt.keys_version(),
                        builtins_version: bt.keys_version(),
                        index,
                        builtin: true,
                    });
                    return Ok(e.value.clone());
                }
            }
        }
        Err(self.name_error(&name))
    }

    /// LOAD_GLOBAL without a cache (globals that are not a dict).
    #[cold]
    fn load_global_slow(
        &mut self,
        code: &CodeInfo,
        globals: &ObjRef,
        ni: usize,
    ) -> PyResult<Value> {
        let name = code.names.get(ni).cloned().unwrap_or(Value::None);
        self.load_global(globals, &name)
    }
}
