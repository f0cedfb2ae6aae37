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
        self.write_stdout_checked(&text)?;
        self.write_stdout_checked("\n")?;
        crate::dict::dict_set_simple(self, &builtins, underscore, v);
        Ok(())
    }

    /// Sets `sys.ps1` and `sys.ps2` to `>>> ` and `... ` where `sys` lacks
    /// them (`PyRun_InteractiveLoopFlags` does this before the first
    /// prompt).
    pub fn init_prompts(&mut self) {
        let sys = Value::Obj(self.sys_module_obj());
        for (name, default) in [("ps1", ">>> "), ("ps2", "... ")] {
            if let Ok(None) = self.get_attr_opt(&sys, name) {
                let (key, v) = (self.new_str(name), self.new_str(default));
                // Setting an attribute of a module cannot fail here.
                let _ = self.set_attr(&sys, &key, v);
            }
        }
    }

    /// The prompt `sys.ps1` or `sys.ps2` (`name`) as text: `str()` of the
    /// attribute, or `default` when it is missing or its `str()` fails.
    pub fn prompt(&mut self, name: &str, default: &str) -> String {
        let sys = Value::Obj(self.sys_module_obj());
        match self.get_attr_opt(&sys, name) {
            Ok(Some(v)) => self.str_of(&v).unwrap_or_else(|_| default.to_string()),
            _ => default.to_string(),
        }
    }

    /// Runs a file's module code in `__main__` with `__file__` set to
    /// `filename` while it runs (`PyRun_SimpleFileExFlags`, used for
    /// PYTHONSTARTUP).
    pub fn run_file_in_main(
        &mut self,
        code: kaa_bytecode::CodeObject,
        filename: &str,
    ) -> PyResult<()> {
        let globals = self.main_namespace(None);
        let key = self.new_str("__file__");
        let name = self.new_str(filename);
        crate::dict::dict_set_simple(self, &globals, key.clone(), name);
        let result = self.run_in_main(code, None);
        // A str key: deleting it runs no Python code.
        let _ = crate::dict::dict_del(self, &globals, &key);
        result
    }
}
