# Fields of the built-in exception classes (OSError and its errno
# subclasses, ImportError, StopIteration, SystemExit, SyntaxError, the
# Unicode errors) and traceback/frame objects.
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))

for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 99]:
    e = OSError(n, 'msg')
    print(n, type(e).__name__, e.errno, e.strerror, e.filename, str(e))
e = OSError(2, 'No such file', 'a.txt', None, 'b.txt')
print(repr(e), e.args, e.filename, e.filename2, str(e))
e = OSError('just one')
print(repr(e), e.errno, e.strerror, str(e))
e = OSError(1, 2, 3, 4, 5, 6)
print(e.args, e.errno, str(e))
print(type(FileNotFoundError(13, 'x')).__name__, isinstance(OSError(2, 'x'), FileNotFoundError))
print(EnvironmentError is OSError, IOError is OSError)
class MyOSError(OSError):
    pass
m = MyOSError(2, 'custom', 'f')
print(type(m).__name__, m.errno, m.filename, str(m))
e = OSError(5, 'io')
e.errno = 6
e.filename = 'set later'
print(e.errno, str(e))
ie = ImportError('no module', name='mod', path='/p')
print(ie.msg, ie.name, ie.path, str(ie), repr(ie), ImportError().msg)
t(lambda: ImportError('x', bogus=1))
t(lambda: ValueError('x', key=1))
print(ModuleNotFoundError('m', name='q').name)
print(StopIteration().value, StopIteration(1, 2).value, StopIteration([3]).value)
print(SystemExit().code, SystemExit(2).code, SystemExit(1, 2).code, SystemExit('bye').code)
se = SyntaxError('bad', ('f.py', 3, 4, 'x = (', 3, 6))
print(se.msg, se.filename, se.lineno, se.offset, se.text, se.end_lineno, se.end_offset, str(se))
print(SyntaxError().msg, SyntaxError('m').lineno, str(SyntaxError('only')))
t(lambda: SyntaxError('m', (1, 2)))
ue = UnicodeDecodeError('utf-8', b'ab\xff', 2, 3, 'invalid start byte')
print(ue.encoding, ue.object, ue.start, ue.end, ue.reason, str(ue))
print(str(UnicodeDecodeError('ascii', bytearray(b'\x80\x81'), 0, 2, 'bad')))
ee = UnicodeEncodeError('ascii', 'h\xe9\u20ac\U0001f600', 1, 2, 'ordinal not in range(128)')
print(str(ee), str(UnicodeEncodeError('ascii', 'ab', 0, 2, 'r')))
print(str(UnicodeEncodeError('latin-1', '\u20ac', 0, 1, 'r')), str(UnicodeEncodeError('x', '\U0001f600', 0, 1, 'r')))
print(str(UnicodeTranslateError('\xe9', 0, 1, 'nope')))
t(lambda: UnicodeDecodeError('utf-8'))
t(lambda: UnicodeDecodeError(1, b'', 0, 0, 'r'))
t(lambda: UnicodeDecodeError('u', 'str', 0, 0, 'r'))
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as err:
    print(str(err))
def inner():
    raise KeyError('k')
def outer():
    inner()
try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_lasti >= 0)
    chain = []
    while tb is not None:
        f = tb.tb_frame
        chain.append((f.f_code.co_name, tb.tb_lineno, f.f_code.co_filename.endswith(".py")))
        tb = tb.tb_next
    print(chain)
    last = e.__traceback__.tb_next.tb_next.tb_frame
    print(last.f_back.f_code.co_name, last.f_globals is globals(), type(last).__name__)
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__)
    try:
        raise ValueError('v').with_traceback(None)
    except ValueError as v:
        print(v.__traceback__.tb_next, v.__traceback__.tb_frame.f_code.co_name)
print(ValueError('x').__traceback__, ValueError('x').add_note('n'))
