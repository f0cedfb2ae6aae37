"""Disassembler of Python byte code into mnemonics.

kaa's dis: CPython 3.11's module interface over the native _kaa_dis,
which renders the text from kaa's one opcode table (kaa_bytecode::dis).
"""

import sys
import _kaa_dis

from _kaa_dis import (opname, opmap, cmp_op, hasconst, hasname, hasjrel,
                      hasjabs, haslocal, hascompare, hasfree, hasnargs,
                      HAVE_ARGUMENT, EXTENDED_ARG)

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode",
           "cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect"]


def _fn():
    pass


class _C:
    def _m(self):
        pass


_have_code = (type(_C()._m), type(_fn), type(_fn.__code__),
              classmethod, staticmethod, type)
del _fn, _C

FORMAT_VALUE = opmap['FORMAT_VALUE']
FORMAT_VALUE_CONVERTERS = (
    (None, ''),
    (str, 'str'),
    (repr, 'repr'),
    (ascii, 'ascii'),
)
MAKE_FUNCTION = opmap['MAKE_FUNCTION']
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')

LOAD_CONST = opmap['LOAD_CONST']
LOAD_GLOBAL = opmap['LOAD_GLOBAL']
BINARY_OP = opmap['BINARY_OP']
JUMP_BACKWARD = opmap['JUMP_BACKWARD']
CACHE = opmap["CACHE"]

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


def stack_effect(opcode, oparg=None, /, *, jump=None):
    """Compute the stack effect of the opcode."""
    return _kaa_dis.stack_effect(opcode, oparg, jump=jump)


def _try_compile(source, name):
    """Compile source as an expression, else as statements."""
    try:
        c = compile(source, name, 'eval')
    except SyntaxError:
        c = compile(source, name, 'exec')
    return c


def _extract(x):
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    elif hasattr(x, 'ag_code'):
        x = x.ag_code
    elif hasattr(x, 'cr_code'):
        x = x.cr_code
    return x


def _emit(result, file):
    text, exc, msg = result
    if text:
        print(text, end='', file=file)
    if exc is not None:
        import builtins
        raise getattr(builtins, exc)(msg)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects.

    With no argument, disassemble the last traceback.
    """
    if x is None:
        distb(file=file, show_caches=show_caches, adaptive=adaptive)
        return
    x = _extract(x)
    if hasattr(x, 'co_code'):  # Code object
        _disassemble_recursive(x, file=file, depth=depth,
                               show_caches=show_caches, adaptive=adaptive)
    elif hasattr(x, '__dict__'):  # Class or module
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if isinstance(x1, _have_code):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth, show_caches=show_caches,
                        adaptive=adaptive)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif isinstance(x, (bytes, bytearray)):
        raise TypeError("kaa's dis does not disassemble raw bytecode strings")
    elif isinstance(x, str):  # Source code
        _disassemble_str(x, file=file, depth=depth, show_caches=show_caches,
                         adaptive=adaptive)
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file,
                show_caches=show_caches, adaptive=adaptive)


COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


class _Unknown:
    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    x = _extract(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _kaa_dis.code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


class _Record:
    """A named tuple's behaviour for a fixed list of fields."""
    _fields = ()

    def __init__(self, *args, **kwargs):
        values = list(args) + [None] * (len(self._fields) - len(args))
        for name, value in zip(self._fields, values):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def _astuple(self):
        return tuple(getattr(self, name) for name in self._fields)

    def __iter__(self):
        return iter(self._astuple())

    def __len__(self):
        return len(self._fields)

    def __getitem__(self, i):
        return self._astuple()[i]

    def __eq__(self, other):
        if isinstance(other, _Record):
            return self._astuple() == other._astuple()
        if isinstance(other, tuple):
            return self._astuple() == other
        return NotImplemented

    def __hash__(self):
        return hash(self._astuple())

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(
            "%s=%r" % (name, getattr(self, name)) for name in self._fields))

    def _replace(self, **kwargs):
        values = dict(zip(self._fields, self._astuple()))
        values.update(kwargs)
        return type(self)(**values)

    def _asdict(self):
        return dict(zip(self._fields, self._astuple()))


class Positions(_Record):
    """Positions(lineno, end_lineno, col_offset, end_col_offset)"""
    _fields = ('lineno', 'end_lineno', 'col_offset', 'end_col_offset')


class Instruction(_Record):
    """Details for a bytecode operation

       Defined fields:
         opname - human readable name for operation
         opcode - numeric code for operation
         arg - numeric argument to operation (if any), otherwise None
         argval - resolved arg value (if known), otherwise same as arg
         argrepr - human readable description of operation argument
         offset - start index of operation within bytecode sequence
         starts_line - line started by this opcode (if any), otherwise None
         is_jump_target - True if other code jumps to here, otherwise False
         positions - Optional dis.Positions object holding the span of source code
                     covered by this instruction
    """
    _fields = ('opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset',
               'starts_line', 'is_jump_target', 'positions')

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """Format instruction details for inclusion in disassembly output."""
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                lineno_fmt = "%%%dd" % lineno_width
                fields.append(lineno_fmt % self.starts_line)
            else:
                fields.append(' ' * lineno_width)
        if mark_as_current:
            fields.append('-->')
        else:
            fields.append('   ')
        if self.is_jump_target:
            fields.append('>>')
        else:
            fields.append('  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


def _instructions(co, line_offset=0, show_caches=False, exception_labels=True):
    # get_instructions() marks jump targets only; Bytecode and dis() mark
    # exception handlers too (CPython passes them the exception table).
    labels = None if exception_labels else set(findlabels(co.co_code))
    for (name, op, arg, argval, argrepr, offset, starts_line, is_jump_target,
         positions) in _kaa_dis.instructions(co, show_caches):
        if labels is not None:
            is_jump_target = offset in labels
        if name == 'CACHE':
            argval = None
        elif op == FORMAT_VALUE and arg is not None:
            argval = (FORMAT_VALUE_CONVERTERS[arg & 0x3][0], bool(arg & 0x4))
        elif op in hasconst and op != LOAD_CONST:
            argval = UNKNOWN
        if starts_line is not None:
            starts_line += line_offset
        yield Instruction(name, op, arg, argval, argrepr, offset, starts_line,
                          is_jump_target, Positions(*positions))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code."""
    co = _get_code_object(x)
    if first_line is not None:
        line_offset = first_line - co.co_firstlineno
    else:
        line_offset = 0
    return _instructions(co, line_offset, show_caches, False)


def _parse_varint(iterator):
    b = next(iterator)
    val = b & 63
    while b&64:
        val <<= 6
        b = next(iterator)
        val |= b&63
    return val


def _parse_exception_table(code):
    iterator = iter(code.co_exceptiontable)
    entries = []
    try:
        while True:
            start = _parse_varint(iterator)*2
            length = _parse_varint(iterator)*2
            end = start + length
            target = _parse_varint(iterator)*2
            dl = _parse_varint(iterator)
            depth = dl >> 1
            lasti = bool(dl&1)
            entries.append((start, end, target, depth, lasti))
    except StopIteration:
        return entries


def _disassemble_shifted(co, lasti, line_offset, show_caches):
    # _disassemble_bytes with line numbers shifted (Bytecode(first_line=)).
    linestarts = dict(findlinestarts(co))
    show_lineno = bool(linestarts)
    if show_lineno:
        maxlineno = max(linestarts.values()) + line_offset
        if maxlineno >= 1000:
            lineno_width = len(str(maxlineno))
        else:
            lineno_width = 3
    else:
        lineno_width = 0
    maxoffset = len(co.co_code) - 2
    if maxoffset >= 10000:
        offset_width = len(str(maxoffset))
    else:
        offset_width = 4
    lines = []
    for instr in _instructions(co, line_offset, show_caches):
        if show_lineno and instr.starts_line is not None and instr.offset > 0:
            lines.append('')
        lines.append(instr._disassemble(lineno_width, instr.offset == lasti,
                                        offset_width))
    entries = _parse_exception_table(co)
    if entries:
        lines.append("ExceptionTable:")
        for start, end, target, depth, elasti in entries:
            lasti_text = " lasti" if elasti else ""
            lines.append(f"  {start} to {end-2} -> {target} [{depth}]{lasti_text}")
    return ''.join(line + '\n' for line in lines)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    _emit(_kaa_dis.disassemble(co, lasti, show_caches), file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False,
                           adaptive=False):
    _emit(_kaa_dis.dis(co, depth, show_caches), file)


def _disassemble_str(source, **kwargs):
    """Compile the source string, then disassemble the code object."""
    _disassemble_recursive(_try_compile(source, '<dis>'), **kwargs)


_INT_OVERFLOW = 2 ** 31
_inline_cache_entries = _kaa_dis.inline_cache_entries


def _unpack_opargs(code):
    extended_arg = 0
    caches = 0
    for i in range(0, len(code), 2):
        # Skip inline CACHE entries:
        if caches:
            caches -= 1
            continue
        op = code[i]
        deop = _kaa_dis.deopt[op]
        caches = _inline_cache_entries[deop]
        if deop >= HAVE_ARGUMENT:
            arg = code[i+1] | extended_arg
            extended_arg = (arg << 8) if deop == EXTENDED_ARG else 0
            # The oparg is stored as a signed integer
            # If the value exceeds its upper limit, it will overflow and wrap
            # to a negative integer
            if extended_arg >= _INT_OVERFLOW:
                extended_arg -= 2 * _INT_OVERFLOW
        else:
            arg = None
            extended_arg = 0
        yield (i, deop, arg)


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets.

    Return the list of offsets.
    """
    labels = []
    for offset, op, arg in _unpack_opargs(code):
        if arg is not None:
            if op in hasjrel:
                if 'JUMP_BACKWARD' in opname[op]:
                    arg = -arg
                label = offset + 2 + arg*2
            elif op in hasjabs:
                label = arg*2
            else:
                continue
            if label not in labels:
                labels.append(label)
    return labels


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source.

    Generate pairs (offset, lineno)
    """
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line
    return


class Bytecode:
    """The bytecode operations of a piece of code

    Instantiate this with a function, method, other compiled object, string of
    code, or a code object (as returned by compile()).

    Iterating over this yields the bytecode operations as Instruction instances.
    """
    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _instructions(self.codeobj, self._line_offset, self.show_caches)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__,
                                 self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """ Construct a Bytecode from the given traceback """
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti,
                   show_caches=show_caches, adaptive=adaptive)

    def info(self):
        """Return formatted information about the code object."""
        return _kaa_dis.code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        offset = -1 if self.current_offset is None else self.current_offset
        if self._line_offset:
            return _disassemble_shifted(self.codeobj, offset, self._line_offset,
                                        self.show_caches)
        text, exc, msg = _kaa_dis.disassemble(self.codeobj, offset,
                                              self.show_caches)
        if exc is not None:
            import builtins
            raise getattr(builtins, exc)(msg)
        return text
