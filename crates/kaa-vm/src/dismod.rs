//! `_kaa_dis`: the native half of the `dis` module (crates/kaa-vm/lib/
//! dis.py is the Python half). The disassembly text, `code_info` and the
//! instruction list come from kaa_bytecode::dis, which renders CPython
//! 3.11's `dis` output; the opcode lists come from the one opcode table.

use kaa_bytecode::dis::{self as kdis, DisOptions};
use kaa_bytecode::opcode::{
    ArgKind, Opcode, CMP_OP, HASCOMPARE, HASCONST, HASFREE, HASJABS, HASJREL, HASLOCAL, HASNAME,
    HASNARGS, HAVE_ARGUMENT,
};

use crate::builtins::make_builtin;
use crate::exceptions::PyResult;
use crate::native::Args;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

fn code_arg(vm: &Vm, v: &Value) -> PyResult<std::rc::Rc<crate::code::CodeInfo>> {
    crate::codeobj::as_code(v).cloned().ok_or_else(|| {
        vm.type_error(format!(
            "don't know how to disassemble {} objects",
            vm.type_name(v)
        ))
    })
}

fn opt_usize(v: Option<&Value>) -> Option<usize> {
    match v {
        Some(Value::Int(i)) => usize::try_from(*i).ok(),
        _ => None,
    }
}

fn truthy(v: Option<&Value>) -> bool {
    matches!(v, Some(Value::Bool(true))) || matches!(v, Some(Value::Int(i)) if *i != 0)
}

/// The text and the exception `dis` would stop with: (text, None, None)
/// or (text printed before it, exception name, message).
fn dis_result(vm: &Vm, r: Result<String, kdis::DisError>) -> Value {
    match r {
        Ok(text) => vm.new_tuple(vec![vm.new_str(&text), Value::None, Value::None]),
        Err(e) => vm.new_tuple(vec![
            vm.new_str(&e.partial_output),
            vm.new_str(e.kind),
            vm.new_str(&e.message),
        ]),
    }
}

/// `_kaa_dis.dis(code, depth=None, show_caches=False)`: `dis.dis` text of
/// a code object and its nested code objects.
fn k_dis(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let c = code_arg(vm, a.arg(0))?;
    let opts = DisOptions {
        show_caches: truthy(a.get(2)),
        depth: opt_usize(a.opt(1)),
        lasti: None,
    };
    Ok(dis_result(vm, kdis::dis(&c.obj, &opts)))
}

/// `_kaa_dis.disassemble(code, lasti=-1, show_caches=False)`: one code
/// object, `-->` at `lasti`.
fn k_disassemble(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let c = code_arg(vm, a.arg(0))?;
    let opts = DisOptions {
        show_caches: truthy(a.get(2)),
        depth: Some(0),
        lasti: opt_usize(a.get(1)),
    };
    Ok(dis_result(vm, kdis::disassemble(&c.obj, &opts)))
}

/// `_kaa_dis.code_info(code)`: `dis.code_info` text.
fn k_code_info(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let c = code_arg(vm, a.arg(0))?;
    match kdis::code_info(&c.obj) {
        Ok(text) => Ok(vm.new_str(&text)),
        Err(e) => Err(vm.new_error(e.kind, e.message)),
    }
}

fn opt_int(v: Option<i32>) -> Value {
    v.map_or(Value::None, |x| Value::Int(x as i64))
}

/// `_kaa_dis.instructions(code, show_caches=False)`: a list of
/// (opname, opcode, arg, argval, argrepr, offset, starts_line,
/// is_jump_target, (lineno, end_lineno, col_offset, end_col_offset)).
/// argval is the dereferenced operand where it is one (constant, name,
/// jump target, comparison); dis.py completes FORMAT_VALUE and KW_NAMES.
fn k_instructions(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let c = code_arg(vm, a.arg(0))?;
    let list = kdis::get_instructions(&c.obj, truthy(a.get(1)))
        .map_err(|e| vm.new_error(e.kind, e.message))?;
    let mut out = Vec::with_capacity(list.len());
    for ins in list {
        let argval = match ins.arg {
            None => Value::None,
            Some(arg) => argval(vm, &c, &ins, arg),
        };
        let p = &ins.positions;
        let positions = vm.new_tuple(vec![
            opt_int(p.lineno),
            opt_int(p.end_lineno),
            opt_int(p.col_offset),
            opt_int(p.end_col_offset),
        ]);
        out.push(vm.new_tuple(vec![
            vm.new_str(&ins.opname),
            Value::Int(ins.opcode as i64),
            ins.arg.map_or(Value::None, Value::Int),
            argval,
            vm.new_str(&ins.argrepr),
            Value::Int(ins.offset as i64),
            opt_int(ins.starts_line),
            Value::Bool(ins.is_jump_target),
            positions,
        ]));
    }
    Ok(vm.new_list(out))
}

/// `argval` of `_get_instructions_bytes` for the operand kinds that
/// dereference (the others keep the oparg).
fn argval(vm: &Vm, c: &crate::code::CodeInfo, ins: &kdis::DisInstruction, arg: i64) -> Value {
    let op = Opcode::from_u8(ins.opcode).map(Opcode::deopt);
    let Some(op) = op.filter(|_| ins.opname != "CACHE") else {
        return Value::None;
    };
    let idx = |len: usize, i: i64| usize::try_from(i).ok().filter(|&i| i < len);
    let at = |items: &[Value], i: i64| idx(items.len(), i).and_then(|i| items.get(i).cloned());
    let found = match op.arg_kind() {
        ArgKind::Const if op == Opcode::LOAD_CONST => at(&c.consts, arg),
        ArgKind::Name => at(&c.names, arg),
        ArgKind::GlobalName => at(&c.names, arg.div_euclid(2)),
        ArgKind::JumpForward | ArgKind::JumpBackward | ArgKind::JumpAbsolute => {
            op.jump_target(ins.offset as i64, arg).map(Value::Int)
        }
        ArgKind::Local | ArgKind::Free => at(&c.varnames, arg),
        ArgKind::Compare => idx(CMP_OP.len(), arg).map(|i| vm.new_str(CMP_OP[i])),
        _ => None,
    };
    found.unwrap_or(Value::Int(arg))
}

/// `_kaa_dis.stack_effect(opcode, oparg=None, jump=None)`.
fn k_stack_effect(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let code = match a.arg(0) {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        v => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    let invalid = || vm.value_error("invalid opcode or oparg");
    // HAS_ARG(opcode): the number alone decides, before the table is asked.
    let has_arg = code >= HAVE_ARGUMENT as i64;
    let oparg = match (a.opt(1), has_arg) {
        (Some(_), false) => {
            return Err(vm
                .value_error("stack_effect: opcode does not permit oparg but oparg was specified"))
        }
        (None, true) => {
            return Err(
                vm.value_error("stack_effect: opcode requires oparg but oparg was not specified")
            )
        }
        (None, false) => 0,
        (Some(Value::Int(i)), true) => i32::try_from(*i)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?,
        (Some(v), true) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    let jump = match a.opt(2) {
        None => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return Err(vm.value_error("stack_effect: jump must be False, True or None")),
    };
    let op = u8::try_from(code)
        .ok()
        .and_then(Opcode::from_u8)
        .filter(|op| !op.is_specialized())
        .ok_or_else(invalid)?;
    op.stack_effect(oparg, jump)
        .map(|e| Value::Int(e as i64))
        .ok_or_else(invalid)
}

fn int_list(vm: &Vm, xs: &[u8]) -> Value {
    vm.new_list(xs.iter().map(|&x| Value::Int(x as i64)).collect())
}

/// The `_kaa_dis` module.
pub fn kaa_dis_module(vm: &mut Vm) -> ObjRef {
    // `opcode.opname`: base instructions only; the specialised ones'
    // numbers read `<n>` as in CPython's opcode module.
    let mut opname = Vec::with_capacity(256);
    let opmap = vm.new_dict_obj();
    for byte in 0..=255u8 {
        match Opcode::from_u8(byte).filter(|op| !op.is_specialized()) {
            Some(op) => {
                opname.push(vm.new_str(op.name()));
                let k = vm.new_str(op.name());
                crate::dict::dict_set_simple(vm, &opmap, k, Value::Int(byte as i64));
            }
            None => opname.push(vm.new_str(&format!("<{byte}>"))),
        }
    }
    // `_deoptop` and `_inline_cache_entries`, by byte.
    let deopt: Vec<Value> = (0..=255u8)
        .map(|b| Value::Int(Opcode::from_u8(b).map_or(b, |op| op.deopt() as u8) as i64))
        .collect();
    let caches: Vec<Value> = (0..=255u8)
        .map(|b| Value::Int(Opcode::from_u8(b).map_or(0, |op| op.cache_entries()) as i64))
        .collect();
    let cmp_op = vm.new_tuple(CMP_OP.iter().map(|s| vm.new_str(s)).collect());
    let values = vec![
        ("opname", vm.new_list(opname)),
        ("opmap", Value::Obj(opmap)),
        ("cmp_op", cmp_op),
        ("hasconst", int_list(vm, HASCONST)),
        ("hasname", int_list(vm, HASNAME)),
        ("hasjrel", int_list(vm, HASJREL)),
        ("hasjabs", int_list(vm, HASJABS)),
        ("haslocal", int_list(vm, HASLOCAL)),
        ("hascompare", int_list(vm, HASCOMPARE)),
        ("hasfree", int_list(vm, HASFREE)),
        ("hasnargs", int_list(vm, HASNARGS)),
        ("deopt", vm.new_list(deopt)),
        ("inline_cache_entries", vm.new_list(caches)),
        ("HAVE_ARGUMENT", Value::Int(HAVE_ARGUMENT as i64)),
        (
            "EXTENDED_ARG",
            Value::Int(Opcode::EXTENDED_ARG as u8 as i64),
        ),
        (
            "dis",
            make_builtin(vm, "dis(code, depth=None, show_caches=False, /)", k_dis),
        ),
        (
            "disassemble",
            make_builtin(
                vm,
                "disassemble(code, lasti=-1, show_caches=False, /)",
                k_disassemble,
            ),
        ),
        (
            "code_info",
            make_builtin(vm, "code_info(code, /)", k_code_info),
        ),
        (
            "instructions",
            make_builtin(
                vm,
                "instructions(code, show_caches=False, /)",
                k_instructions,
            ),
        ),
        (
            "stack_effect",
            make_builtin(
                vm,
                "stack_effect(opcode, oparg=None, /, *, jump=None)",
                k_stack_effect,
            ),
        ),
    ];
    crate::module::new_native_module(vm, "_kaa_dis", None, values, &[])
}
