#!/usr/bin/env python3
"""Generates kaa's opcode table from CPython 3.11's `opcode` and `dis` modules.

Writes:
  crates/kaa-bytecode/src/opcode_table.rs   the `Opcode` enum and the table
                                            every other part of kaa-bytecode
                                            derives from (names, argument
                                            kinds, inline caches, stack
                                            effects, docs, deopt mapping)
  docs/bytecode.md                          every instruction, then the code
                                            object, location table, exception
                                            table and marshal formats

Run it with CPython 3.11 (`python3 tools/gen_opcodes.py`); `--check` only
verifies that both files are current. The opcode numbers, operand lists,
cache layouts and specialised instructions come from python3; the one-line
docs below are kaa's own; the stack-effect formulas below are checked
against `dis.stack_effect` for many (opcode, oparg, jump) combinations
before anything is written.
"""
import dis
import opcode
import os
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_opcodes.py needs CPython 3.11 (kaa's bytecode is 3.11's)")

# One line per instruction: what it does (TOS = top of stack, TOS1 below).
DOCS = {
    "CACHE": "Inline cache entry reserved after a specialisable instruction; never executed.",
    "POP_TOP": "Pops and discards TOS.",
    "PUSH_NULL": "Pushes NULL (marks a call without `self` for PRECALL/CALL).",
    "NOP": "Does nothing; keeps a line number event or a jump target.",
    "UNARY_POSITIVE": "TOS = +TOS.",
    "UNARY_NEGATIVE": "TOS = -TOS.",
    "UNARY_NOT": "TOS = not TOS.",
    "UNARY_INVERT": "TOS = ~TOS.",
    "BINARY_SUBSCR": "TOS = TOS1[TOS].",
    "GET_LEN": "Pushes len(TOS), keeping TOS (pattern matching).",
    "MATCH_MAPPING": "Pushes whether TOS is a mapping (pattern matching).",
    "MATCH_SEQUENCE": "Pushes whether TOS is a sequence other than str/bytes/bytearray.",
    "MATCH_KEYS": "TOS is a tuple of keys, TOS1 a mapping: pushes a tuple of their values, or None if one is missing.",
    "PUSH_EXC_INFO": "Pops a value, pushes the current exception and the value, and makes the value the current exception.",
    "CHECK_EXC_MATCH": "Replaces TOS (an exception type or tuple) with whether the exception TOS1 matches it.",
    "CHECK_EG_MATCH": "except*: splits the exception group TOS1 on the type TOS; pushes the rest and the match (or None).",
    "WITH_EXCEPT_START": "Calls the `__exit__` saved four items down with the exception TOS; pushes its result.",
    "GET_AITER": "TOS = TOS.__aiter__().",
    "GET_ANEXT": "Pushes an awaitable for TOS.__anext__(), keeping TOS.",
    "BEFORE_ASYNC_WITH": "Replaces TOS with its bound `__aexit__` and the awaitable of its `__aenter__()`.",
    "BEFORE_WITH": "Replaces TOS with its bound `__exit__` and the result of its `__enter__()`.",
    "END_ASYNC_FOR": "Ends an async for: pops the StopAsyncIteration TOS and the iterator, or re-raises TOS.",
    "STORE_SUBSCR": "TOS1[TOS] = TOS2.",
    "DELETE_SUBSCR": "del TOS1[TOS].",
    "GET_ITER": "TOS = iter(TOS).",
    "GET_YIELD_FROM_ITER": "TOS = iter(TOS), unless TOS is a generator or (in a coroutine) a coroutine.",
    "PRINT_EXPR": "Interactive mode: passes TOS to sys.displayhook and pops it.",
    "LOAD_BUILD_CLASS": "Pushes builtins.__build_class__.",
    "LOAD_ASSERTION_ERROR": "Pushes AssertionError (for assert statements).",
    "RETURN_GENERATOR": "Turns the current frame into a generator, coroutine or async generator and returns it.",
    "LIST_TO_TUPLE": "TOS = tuple(TOS) for the list TOS.",
    "RETURN_VALUE": "Returns TOS to the caller.",
    "IMPORT_STAR": "from module import *: binds the public names of the module TOS in the locals; pops it.",
    "SETUP_ANNOTATIONS": "Creates `__annotations__` in the locals if it is not there.",
    "YIELD_VALUE": "Yields TOS from a generator; pushes the value sent back.",
    "ASYNC_GEN_WRAP": "Wraps TOS so that an async generator can yield it.",
    "PREP_RERAISE_STAR": "Combines the exceptions raised and re-raised in except* blocks into the one to raise.",
    "POP_EXCEPT": "Pops a value and restores it as the current exception.",
    "STORE_NAME": "name = TOS, in the local namespace (co_names[namei]).",
    "DELETE_NAME": "del name, in the local namespace.",
    "UNPACK_SEQUENCE": "Unpacks TOS into count values, pushed so that the first ends on top.",
    "FOR_ITER": "Pushes next(TOS); when the iterator TOS is exhausted, pops it and jumps forward by delta.",
    "UNPACK_EX": "Starred unpacking of TOS: low byte = targets before the star, high byte = after it.",
    "STORE_ATTR": "TOS.name = TOS1.",
    "DELETE_ATTR": "del TOS.name.",
    "STORE_GLOBAL": "global name = TOS.",
    "DELETE_GLOBAL": "del global name.",
    "SWAP": "Swaps TOS with the i-th item from the top (i >= 2).",
    "LOAD_CONST": "Pushes co_consts[consti].",
    "LOAD_NAME": "Pushes the value of name: locals, then globals, then builtins.",
    "BUILD_TUPLE": "Pops count items; pushes a tuple of them.",
    "BUILD_LIST": "Pops count items; pushes a list of them.",
    "BUILD_SET": "Pops count items; pushes a set of them.",
    "BUILD_MAP": "Pops count key/value pairs; pushes a dict of them.",
    "LOAD_ATTR": "TOS = getattr(TOS, name).",
    "COMPARE_OP": "TOS = TOS1 <op> TOS with op = cmp_op[opname].",
    "IMPORT_NAME": "Imports module name (__import__ with fromlist TOS and level TOS1); pushes the module.",
    "IMPORT_FROM": "Pushes attribute name of the module TOS (from ... import name), keeping the module.",
    "JUMP_FORWARD": "Jumps forward by delta code units.",
    "JUMP_IF_FALSE_OR_POP": "If TOS is false, jumps forward by delta keeping it; otherwise pops it.",
    "JUMP_IF_TRUE_OR_POP": "If TOS is true, jumps forward by delta keeping it; otherwise pops it.",
    "POP_JUMP_FORWARD_IF_FALSE": "Pops TOS; jumps forward by delta if it is false.",
    "POP_JUMP_FORWARD_IF_TRUE": "Pops TOS; jumps forward by delta if it is true.",
    "LOAD_GLOBAL": "Pushes the global co_names[namei >> 1]; pushes NULL first when namei & 1.",
    "IS_OP": "TOS = TOS1 is TOS (is not, when invert is 1).",
    "CONTAINS_OP": "TOS = TOS1 in TOS (not in, when invert is 1).",
    "RERAISE": "Re-raises the exception TOS; with oparg set, first restores f_lasti from the value below it.",
    "COPY": "Pushes a copy of the i-th item from the top (i >= 1).",
    "BINARY_OP": "TOS = TOS1 <op> TOS, the binary or in-place operator _nb_ops[op].",
    "SEND": "Sends TOS into the sub-iterator TOS1 (yield from, await); jumps forward by delta when it returns.",
    "LOAD_FAST": "Pushes the local variable in slot var_num.",
    "STORE_FAST": "Stores TOS into the local variable slot var_num.",
    "DELETE_FAST": "Deletes the local variable in slot var_num.",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "Pops TOS; jumps forward by delta if it is not None.",
    "POP_JUMP_FORWARD_IF_NONE": "Pops TOS; jumps forward by delta if it is None.",
    "RAISE_VARARGS": "raise: argc 0 re-raises, 1 raises TOS, 2 raises TOS1 from TOS.",
    "GET_AWAITABLE": "TOS = the awaitable for TOS (where: 0 await, 1 after __aenter__, 2 after __aexit__).",
    "MAKE_FUNCTION": "Makes a function of the code object TOS; flags add defaults, kwdefaults, annotations, closure.",
    "BUILD_SLICE": "Pushes slice(TOS1, TOS), or slice(TOS2, TOS1, TOS) when argc is 3.",
    "JUMP_BACKWARD_NO_INTERRUPT": "Jumps backward by delta without checking for interrupts (yield from / await loops).",
    "MAKE_CELL": "Replaces the value in slot i with a new cell holding it.",
    "LOAD_CLOSURE": "Pushes the cell in slot i (to build a closure tuple).",
    "LOAD_DEREF": "Pushes the value held by the cell in slot i.",
    "STORE_DEREF": "Stores TOS into the cell in slot i.",
    "DELETE_DEREF": "Empties the cell in slot i.",
    "JUMP_BACKWARD": "Jumps backward by delta code units, checking for interrupts.",
    "CALL_FUNCTION_EX": "Calls TOS2(*TOS1, **TOS); TOS is only there when flags & 1.",
    "EXTENDED_ARG": "Supplies 8 more high bits of the next instruction's oparg.",
    "LIST_APPEND": "Appends TOS to the list i items down (comprehensions).",
    "SET_ADD": "Adds TOS to the set i items down (comprehensions).",
    "MAP_ADD": "Sets key TOS1 to value TOS in the dict i items down (comprehensions).",
    "LOAD_CLASSDEREF": "Like LOAD_DEREF, but looks in the class namespace first.",
    "COPY_FREE_VARS": "Copies n free variables from the function's closure into the frame.",
    "RESUME": "Marks function start (0) or a resumption after yield (1), yield from (2), await (3); checks for tracing.",
    "MATCH_CLASS": "Class pattern: TOS names the keyword attributes, TOS1 is the class, TOS2 the subject; pushes the attributes or None.",
    "FORMAT_VALUE": "f-string field: formats TOS with conversion flags & 3 and, when flags & 4, the spec on TOS.",
    "BUILD_CONST_KEY_MAP": "Builds a dict from count values and the constant tuple of keys TOS.",
    "BUILD_STRING": "Pops count strings; pushes their concatenation.",
    "LOAD_METHOD": "Pushes the unbound method name of TOS and TOS, or NULL and the attribute.",
    "LIST_EXTEND": "Extends the list i items down with the iterable TOS.",
    "SET_UPDATE": "Updates the set i items down with the iterable TOS.",
    "DICT_MERGE": "Merges the mapping TOS into the dict i items down, raising on repeated keys (**kwargs).",
    "DICT_UPDATE": "Updates the dict i items down with the mapping TOS.",
    "PRECALL": "Prepares a call with argc arguments (binds a method's self); always before CALL.",
    "CALL": "Calls a callable with argc arguments; keyword names come from the last KW_NAMES.",
    "KW_NAMES": "Sets co_consts[consti], a tuple of str, as the keyword names of the next CALL.",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "Pops TOS; jumps backward by delta if it is not None.",
    "POP_JUMP_BACKWARD_IF_NONE": "Pops TOS; jumps backward by delta if it is None.",
    "POP_JUMP_BACKWARD_IF_FALSE": "Pops TOS; jumps backward by delta if it is false.",
    "POP_JUMP_BACKWARD_IF_TRUE": "Pops TOS; jumps backward by delta if it is true.",
}

# Operand names, as the dis documentation calls them (docs/bytecode.md).
OPERAND = {
    "LOAD_CONST": "consti", "KW_NAMES": "consti",
    "UNPACK_SEQUENCE": "count", "BUILD_TUPLE": "count", "BUILD_LIST": "count",
    "BUILD_SET": "count", "BUILD_MAP": "count", "BUILD_CONST_KEY_MAP": "count",
    "BUILD_STRING": "count", "UNPACK_EX": "counts", "SWAP": "i", "COPY": "i",
    "LIST_APPEND": "i", "SET_ADD": "i", "MAP_ADD": "i", "LIST_EXTEND": "i",
    "SET_UPDATE": "i", "DICT_MERGE": "i", "DICT_UPDATE": "i",
    "COMPARE_OP": "opname", "IS_OP": "invert", "CONTAINS_OP": "invert",
    "RERAISE": "oparg", "BINARY_OP": "op", "RAISE_VARARGS": "argc",
    "GET_AWAITABLE": "where", "MAKE_FUNCTION": "flags", "BUILD_SLICE": "argc",
    "CALL_FUNCTION_EX": "flags", "EXTENDED_ARG": "ext", "COPY_FREE_VARS": "n",
    "RESUME": "where", "MATCH_CLASS": "count", "FORMAT_VALUE": "flags",
    "PRECALL": "argc", "CALL": "argc", "LOAD_GLOBAL": "namei",
    "LOAD_FAST": "var_num", "STORE_FAST": "var_num", "DELETE_FAST": "var_num",
    "MAKE_CELL": "i", "LOAD_CLOSURE": "i", "LOAD_DEREF": "i", "STORE_DEREF": "i",
    "DELETE_DEREF": "i", "LOAD_CLASSDEREF": "i",
}

# Stack effects that depend on the oparg, as CPython 3.11's compile.c
# stack_effect() computes them. Every other instruction has a fixed effect,
# or one fixed effect when the jump is taken and another when it is not;
# those are read from dis.stack_effect below.
FORMULAS = {
    "UNPACK_SEQUENCE": ("UnpackSequence", "oparg - 1", lambda a: a - 1),
    "UNPACK_EX": ("UnpackEx", "(oparg & 0xff) + (oparg >> 8)", lambda a: (a & 0xFF) + (a >> 8)),
    "BUILD_TUPLE": ("OneMinusArg", "1 - oparg", lambda a: 1 - a),
    "BUILD_LIST": ("OneMinusArg", "1 - oparg", lambda a: 1 - a),
    "BUILD_SET": ("OneMinusArg", "1 - oparg", lambda a: 1 - a),
    "BUILD_STRING": ("OneMinusArg", "1 - oparg", lambda a: 1 - a),
    "BUILD_MAP": ("BuildMap", "1 - 2*oparg", lambda a: 1 - 2 * a),
    "BUILD_CONST_KEY_MAP": ("MinusArg", "-oparg", lambda a: -a),
    "RAISE_VARARGS": ("MinusArg", "-oparg", lambda a: -a),
    "PRECALL": ("MinusArg", "-oparg", lambda a: -a),
    "LOAD_GLOBAL": ("LoadGlobal", "1 + (oparg & 1)", lambda a: 1 + (a & 1)),
    "MAKE_FUNCTION": ("MakeFunction", "-(number of flag bits set in oparg & 0xf)",
                      lambda a: -bin(a & 0xF).count("1")),
    "BUILD_SLICE": ("BuildSlice", "-2 if oparg == 3 else -1", lambda a: -2 if a == 3 else -1),
    "CALL_FUNCTION_EX": ("CallFunctionEx", "-2 - (oparg & 1)", lambda a: -2 - (a & 1)),
    "FORMAT_VALUE": ("FormatValue", "-1 if oparg & 4 else 0", lambda a: -1 if a & 4 else 0),
}

SAMPLE_ARGS = list(range(0, 1100)) + [2**16 - 1, 2**16, 2**24 + 5, 2**30 + 3, 2**31 - 1]


def opcode_list():
    """(number, name) for every defined opcode, base and specialised."""
    return [(i, n) for i, n in enumerate(dis._all_opname) if not n.startswith("<")]


def deopt(name):
    return dis.deoptmap.get(name, name)


def arg_kind(op, name):
    """The operand kind, in the order dis._get_instructions_bytes tests them."""
    base = opcode.opmap[deopt(name)]
    if base < opcode.HAVE_ARGUMENT:
        return "None"
    if base in opcode.hasconst:
        return "Const"
    if base in opcode.hasname:
        return "GlobalName" if deopt(name) == "LOAD_GLOBAL" else "Name"
    if base in opcode.hasjabs:
        return "JumpAbsolute"
    if base in opcode.hasjrel:
        return "JumpBackward" if "JUMP_BACKWARD" in deopt(name) else "JumpForward"
    if base in opcode.haslocal:
        return "Local"
    if base in opcode.hasfree:
        return "Free"
    if base in opcode.hascompare:
        return "Compare"
    if deopt(name) == "FORMAT_VALUE":
        return "FormatValue"
    if deopt(name) == "MAKE_FUNCTION":
        return "MakeFunction"
    if deopt(name) == "BINARY_OP":
        return "BinaryOp"
    return "Int"


def effect_of(op, arg, jump):
    try:
        return dis.stack_effect(op, arg, jump=jump)
    except ValueError:
        return None


def stack_effect(op, name):
    """(Rust expression of kaa_bytecode::StackEffect, text for the docs)."""
    if name in dis.deoptmap:
        return "StackEffect::Invalid", "(specialised: not computed)"
    arg = 0 if op >= opcode.HAVE_ARGUMENT else None
    if name in FORMULAS:
        variant, text, fn = FORMULAS[name]
        for a in SAMPLE_ARGS:
            for jump in (None, True, False):
                want = effect_of(op, a, jump)
                # compile.c computes in C int, which wraps in practice.
                got = (fn(a) + 2**31) % 2**32 - 2**31
                if want != got:
                    sys.exit(f"{name}: formula {text} gives {fn(a)} for {a}, dis says {want}")
        return f"StackEffect::{variant}", text
    taken = effect_of(op, arg, True)
    fallthrough = effect_of(op, arg, False)
    for a in (SAMPLE_ARGS if arg is not None else [None]):
        if (effect_of(op, a, True), effect_of(op, a, False)) != (taken, fallthrough):
            sys.exit(f"{name}: stack effect depends on the oparg; add a formula")
    if taken is None:
        sys.exit(f"{name}: dis.stack_effect rejects it")
    if taken == fallthrough:
        return f"StackEffect::Fixed({taken})", f"{taken:+d}"
    if effect_of(op, arg, None) != max(taken, fallthrough):
        sys.exit(f"{name}: jump=None is not the maximum")
    return (f"StackEffect::Branch {{ taken: {taken}, fallthrough: {fallthrough} }}",
            f"{taken:+d} if it jumps, {fallthrough:+d} if not")


def doc_of(name):
    if name in DOCS:
        return DOCS[name]
    base = deopt(name)
    if base == name:
        sys.exit(f"{name}: no doc line; add one to DOCS")
    variant = name[len(base):].strip("_").replace("_", " ").lower()
    return f"Specialised {base} ({variant}); written over {base} at run time, never in co_code."


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate_rust():
    ops = opcode_list()
    out = []
    w = out.append
    w("//! kaa's opcode table: CPython 3.11's instruction set, one entry per opcode.")
    w("//!")
    w("//! GENERATED by tools/gen_opcodes.py from python3's `opcode` and `dis`")
    w("//! modules (CPython 3.11); do not edit. Regenerate with")
    w("//! `python3 tools/gen_opcodes.py` (`--check` tells whether it is current).")
    w("")
    w("use crate::opcode::{ArgKind, OpInfo, StackEffect};")
    w("")
    w("/// An instruction opcode, with CPython 3.11's number (`opcode.opmap`, and")
    w("/// `dis._all_opmap` for the specialised forms the adaptive interpreter")
    w("/// writes over base instructions at run time).")
    w("///")
    w("/// Variants carry CPython's names so `dis` output and CPython material")
    w("/// read the same in kaa.")
    w("#[allow(non_camel_case_types)]")
    w("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]")
    w("#[repr(u8)]")
    w("pub enum Opcode {")
    for op, name in ops:
        w(f"    /// {doc_of(name)}")
        w(f"    {name} = {op},")
    w("}")
    w("")
    w("/// `opcode.HAVE_ARGUMENT`: opcodes from this number on use their oparg.")
    w(f"pub const HAVE_ARGUMENT: u8 = {opcode.HAVE_ARGUMENT};")
    w("")
    w("/// Every opcode, in numeric order.")
    w("pub const ALL_OPCODES: &[Opcode] = &[")
    for op, name in ops:
        w(f"    Opcode::{name},")
    w("];")
    w("")
    w("/// `Opcode::from_u8`'s table: the variant for each byte value.")
    w("pub(crate) const BY_NUMBER: [Option<Opcode>; 256] = {")
    w("    let mut t: [Option<Opcode>; 256] = [None; 256];")
    for op, name in ops:
        w(f"    t[{op}] = Some(Opcode::{name});")
    w("    t")
    w("};")
    w("")
    w("impl Opcode {")
    w("    /// The table proper: this opcode's row.")
    w("    pub(crate) const fn info(self) -> OpInfo {")
    w("        match self {")
    for op, name in ops:
        base = deopt(name)
        se, _ = stack_effect(op, name)
        caches = opcode._inline_cache_entries[opcode.opmap[base]]
        w(f"            Opcode::{name} => OpInfo {{")
        w(f"                name: {rust_str(name)},")
        w(f"                arg: ArgKind::{arg_kind(op, name)},")
        w(f"                deopt: Opcode::{base},")
        w(f"                cache_entries: {caches},")
        w(f"                stack_effect: {se},")
        w(f"                doc: {rust_str(doc_of(name))},")
        w("            },")
    w("        }")
    w("    }")
    w("}")
    w("")
    w("/// `opcode._cache_format`: the named fields of each specialisable")
    w("/// instruction's inline cache, in code units (what `dis` shows with")
    w("/// `show_caches=True`).")
    w("pub const CACHE_FORMAT: &[(Opcode, &[(&str, u8)])] = &[")
    for name, fields in opcode._cache_format.items():
        items = ", ".join(f"({rust_str(k)}, {v})" for k, v in fields.items())
        w(f"    (Opcode::{name}, &[{items}]),")
    w("];")
    w("")
    w("/// `opcode.cmp_op`: COMPARE_OP's operators, by oparg.")
    w("pub const CMP_OP: [&str; %d] = [%s];" % (len(opcode.cmp_op), ", ".join(rust_str(s) for s in opcode.cmp_op)))
    w("")
    w("/// `opcode._nb_ops`: BINARY_OP's operators by oparg, as (C name, symbol).")
    w("pub const NB_OPS: [(&str, &str); %d] = [" % len(opcode._nb_ops))
    for cname, sym in opcode._nb_ops:
        w(f"    ({rust_str(cname)}, {rust_str(sym)}),")
    w("];")
    w("")
    for attr in ["hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare", "hasfree", "hasnargs"]:
        w(f"/// `opcode.{attr}`.")
        vals = ", ".join(str(v) for v in getattr(opcode, attr))
        w(f"pub const {attr.upper()}: &[u8] = &[{vals}];")
        w("")
    return "\n".join(out)


CODE_FORMAT_DOC = r"""
## Code objects

A code object holds one compiled function, class body, module or
comprehension. kaa's `CodeObject` has CPython 3.11's fields, marshalled in
this order:

| field | type | meaning |
|---|---|---|
| co_argcount | int | positional parameters (positional-only included) |
| co_posonlyargcount | int | positional-only parameters |
| co_kwonlyargcount | int | keyword-only parameters |
| co_stacksize | int | the deepest the value stack gets |
| co_flags | int | `CO_OPTIMIZED` 0x1, `CO_NEWLOCALS` 0x2, `CO_VARARGS` 0x4, `CO_VARKEYWORDS` 0x8, `CO_NESTED` 0x10, `CO_GENERATOR` 0x20, `CO_NOFREE` 0x40, `CO_COROUTINE` 0x80, `CO_ITERABLE_COROUTINE` 0x100, `CO_ASYNC_GENERATOR` 0x200, and the `__future__` flags |
| co_code | bytes | the instructions |
| co_consts | tuple | constants (LOAD_CONST, KW_NAMES); `co_consts[0]` is a function's docstring or None |
| co_names | tuple of str | global, attribute and imported names |
| co_localsplusnames | tuple of str | every frame slot: arguments and locals, then cells, then free variables |
| co_localspluskinds | bytes | one byte per slot: `CO_FAST_LOCAL` 0x20, `CO_FAST_CELL` 0x40, `CO_FAST_FREE` 0x80 (an argument that is also a cell has 0x60) |
| co_filename, co_name, co_qualname | str | |
| co_firstlineno | int | |
| co_linetable | bytes | the location table (below) |
| co_exceptiontable | bytes | the exception table (below) |

`co_varnames` are the slots with the LOCAL bit, `co_cellvars` those with
the CELL bit, `co_freevars` those with the FREE bit, each in slot order;
`co_nlocals` is the number of LOCAL slots. Instructions that name a slot
(LOAD_FAST, LOAD_DEREF, MAKE_CELL, ...) index `co_localsplusnames`
directly.

### Instructions

`co_code` is a sequence of 2-byte code units: opcode, then oparg. An
instruction whose oparg does not fit in a byte is preceded by one to three
EXTENDED_ARG units, each giving 8 more high bits. A specialisable
instruction is followed by its inline cache: as many CACHE units (zeros) as
the `caches` column above says (no jump instruction has caches). Jump
opargs count code units from the next instruction: a forward jump at byte
offset `offset` goes to `offset + 2 + 2*oparg`, a backward one to
`offset + 2 - 2*oparg`.

## The location table (`co_linetable`, PEP 657)

A sequence of entries, each covering 1 to 8 code units. The first byte of an
entry has its top bit set; bits 3-6 are the entry's *code*, bits 0-2 its
length in code units minus one. The line starts at `co_firstlineno` and
changes by the deltas below.

| code | form | what follows the first byte |
|---|---|---|
| 0-9 | short | one byte: column = code*8 + (byte >> 4), end column = column + (byte & 15); same line |
| 10-12 | one line | line delta = code - 10; then column byte, end column byte |
| 13 | no column | signed varint line delta; no columns |
| 14 | long | signed varint line delta, varint end-line delta, varint column+1, varint end-column+1 |
| 15 | none | no location (`co_lines` gives None) |

Varints here are 6-bit chunks, least significant first, bit 6 (0x40) set on
all but the last. A signed varint holds `(-v << 1) | 1` for negative `v` and
`v << 1` otherwise. `co_lines()` yields one `(start, end, line)` range per
entry (line None when negative); `co_positions()` yields
`(line, end_line, column, end_column)` per code unit, None for -1.

## The exception table (`co_exceptiontable`)

A sequence of entries `(start, length, target, depth_lasti)`, each a varint
of 6-bit chunks, most significant first, bit 6 (0x40) set on all but the
last; the first byte of an entry has bit 7 (0x80) set. `start`, `length` and
`target` count code units; `depth_lasti` is `depth << 1 | lasti`. An
exception raised by an instruction in `[start, start+length)` pops the value
stack to `depth` items, pushes the offset of the raising instruction if
`lasti`, pushes the exception, and jumps to `target`. `dis` prints entries
in bytes: `start to end-2 -> target [depth] lasti`.

## marshal (format version 4) and .pyc files

Each object starts with a type byte; bit 7 (`FLAG_REF`, 0x80) adds the
object to the reference list (indices count flagged objects in the order
their type bytes appear), and `r` + a 4-byte index refers back to one.
CPython flags an object when more than one reference to it exists, or it
is an interned str; kaa predicts that from how CPython's compiler shares
objects (crates/kaa-bytecode/src/marshal/predict.rs). All integers are
little-endian.

| code | type | payload |
|---|---|---|
| `0` | NULL | none (ends a dict) |
| `N` `F` `T` `.` `S` | None False True Ellipsis StopIteration | none |
| `i` | int | int32 |
| `I` | int (legacy) | int64 |
| `l` | int | int32 digit count n (negative for negative numbers), then abs(n) 15-bit digits as uint16, least significant first |
| `f` `x` | float, complex (legacy) | uint8 length + repr text (one per part) |
| `g` `y` | float, complex | IEEE 754 binary64 (one per part) |
| `s` | bytes | int32 length + bytes |
| `u` `t` | str, interned str | int32 length + UTF-8 (surrogatepass) |
| `a` `A` | ASCII str, interned | int32 length + bytes |
| `z` `Z` | short ASCII str, interned | uint8 length + bytes |
| `(` | tuple | int32 length + items |
| `)` | small tuple | uint8 length + items |
| `[` | list | int32 length + items |
| `{` | dict | key, value pairs, ended by a NULL |
| `<` `>` | set, frozenset | int32 length + items (written in the order of their own marshal bytes) |
| `c` | code | argcount, posonlyargcount, kwonlyargcount, stacksize, flags (int32 each), code, consts, names, localsplusnames, localspluskinds, filename, name, qualname, firstlineno (int32), linetable, exceptiontable |
| `r` | reference | int32 index |

Nesting is limited to 2000 levels. A `.pyc` file is a 16-byte header (magic
number ending in `\r\n`, flags, then source mtime and size or a source
hash) followed by the marshalled module code object; kaa's magic number is
its own, everything after it is CPython 3.11's format.
"""


def generate_markdown():
    out = []
    w = out.append
    w("# kaa bytecode")
    w("")
    w("<!-- GENERATED by tools/gen_opcodes.py from CPython 3.11's opcode and dis modules; do not edit. -->")
    w("")
    w("kaa executes CPython 3.11's instruction set in CPython 3.11's code object")
    w("format: for a given program, kaa's compiler produces the same `co_code`,")
    w("constants, names, location table, exception table, stack size and flags")
    w("as CPython 3.11, and marshals them to the same bytes. Only the `.pyc`")
    w("magic number is kaa's own. The specialised instructions at the end of the")
    w("table are never in `co_code`: the interpreter writes them over base")
    w("instructions while it runs (PEP 659); kaa will add its own specialised")
    w("instructions in unused numbers the same way.")
    w("")
    w("## Instructions")
    w("")
    w("`arg` is the operand kind (what `dis` prints after the oparg), `caches`")
    w("the inline cache units that follow the instruction, `stack` the stack")
    w("effect (`dis.stack_effect`).")
    w("")
    w("| # | name | arg | caches | stack | description |")
    w("|---|---|---|---|---|---|")
    specialised = []
    for op, name in opcode_list():
        base = deopt(name)
        if base != name:
            specialised.append((op, name, base))
            continue
        kind = arg_kind(op, name)
        operand = OPERAND.get(base, "delta" if kind.startswith("Jump") else "namei" if "Name" in kind else "")
        kind_text = "-" if kind == "None" else f"{kind} `{operand}`" if operand else kind
        caches = opcode._inline_cache_entries[opcode.opmap[base]]
        _, se = stack_effect(op, name)
        w(f"| {op} | {name} | {kind_text} | {caches} | {se} | {doc_of(name)} |")
    w("")
    w("Operand kinds: Const indexes `co_consts`; Name indexes `co_names`")
    w("(GlobalName: `namei >> 1`); Local and Free index `co_localsplusnames`;")
    w("Compare indexes `cmp_op` " + str(tuple(opcode.cmp_op)) + "; BinaryOp")
    w("indexes `_nb_ops` (" + ", ".join(f"{i} `{s}`" for i, (_, s) in enumerate(opcode._nb_ops)) + ");")
    w("FormatValue holds the conversion (0 none, 1 str, 2 repr, 3 ascii) and")
    w("bit 2 for a format spec; MakeFunction's flags are 1 defaults, 2")
    w("kwdefaults, 4 annotations, 8 closure; jumps count code units.")
    w("")
    w("## Specialised instructions")
    w("")
    w("CPython 3.11's adaptive interpreter writes these over the base")
    w("instruction (same operand, same inline cache) while code runs; they never")
    w("appear in `co_code`, and `dis` shows them only with `adaptive=True`.")
    w("")
    w("| # | name | specialises |")
    w("|---|---|---|")
    for op, name, base in specialised:
        w(f"| {op} | {name} | {base} |")
    w(CODE_FORMAT_DOC)
    return "\n".join(out)


def rustfmt(text):
    """The text as `cargo fmt` leaves it (unchanged if rustfmt is missing)."""
    import shutil
    import subprocess
    if not shutil.which("rustfmt"):
        return text
    done = subprocess.run(["rustfmt", "--edition", "2021", "--emit", "stdout"],
                          input=text, capture_output=True, text=True, check=True)
    return done.stdout


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    outputs = {
        os.path.join(root, "crates", "kaa-bytecode", "src", "opcode_table.rs"): rustfmt(generate_rust()),
        os.path.join(root, "docs", "bytecode.md"): generate_markdown(),
    }
    for path, text in outputs.items():
        text = text.rstrip("\n") + "\n"
        if "--check" in sys.argv:
            try:
                with open(path) as f:
                    current = f.read()
            except FileNotFoundError:
                current = None
            if current != text:
                sys.exit(f"{os.path.relpath(path, root)} is out of date: run python3 tools/gen_opcodes.py")
            continue
        with open(path, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
