//! The VM's side of the interactive prompt: what `sys.displayhook` does
//! with the value of an expression statement compiled in `single` mode
//! (PRINT_EXPR). The prompt itself (reading lines, deciding when a
//! statement is complete) lives in the `kaa` binary; it runs each
//! statement with [`Vm::run_in_main`].

use crate::exceptions::PyResult;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `sys.displayhook(value)` (Python/sysmodule.c `sys_displayhook`):
    /// None prints nothing; otherwise `builtins._` is cleared, the repr is
    /// printed on a line of its own, then `builtins._` is set to the value.
    pub fn display_value(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let underscore = self.new_str("_");
        let builtins = self.builtins.clone();
        crate::dict::dict_set_simple(self, &builtins, underscore.clone(), Value::None);
        let text = self.repr_of(&v)?;
        self.write_stdout(&text);
        self.write_stdout("\n");
        crate::dict::dict_set_simple(self, &builtins, underscore, v);
        Ok(())
    }

    /// The prompt `sys.ps1` or `sys.ps2` (`name`) as text: `str()` of the
    /// attribute when `sys` has it, else `default`.
    pub fn prompt(&mut self, name: &str, default: &str) -> String {
        let Some(sys) = self.sys_module.clone() else {
            return default.to_string();
        };
        match self.get_attr_opt(&Value::Obj(sys), name) {
            Ok(Some(v)) => self.str_of(&v).unwrap_or_else(|_| default.to_string()),
            _ => default.to_string(),
        }
    }
}
