e = ValueError('msg', 42)
print(e.args, str(e), repr(e), e.__class__.__name__)
print(str(ValueError()), repr(ValueError()), str(ValueError('one')), repr(ValueError('one')))
print(str(KeyError('k')), repr(KeyError('k')), str(KeyError()), str(KeyError(1, 2)))
print(str(Exception(None)), repr(Exception(None, 'x')), str(Exception('')), repr(Exception('')))
err = OSError(2, 'No such file')
print(err.errno, err.strerror, str(err), type(err).__name__, repr(err))
print(type(OSError(2, 'x')).__name__, type(OSError(13, 'x')).__name__, type(OSError(17, 'x')).__name__)
si = StopIteration(5)
print(si.value, si.args)
se = SystemExit(3)
print(se.code, SystemExit().code, SystemExit(1, 2).code)
print(ImportError('m', name='mod').name, AttributeError('a').args)
ke = KeyError('key')
ke.extra = 'attached'
print(ke.extra, hasattr(ke, '__traceback__'), ke.__traceback__, ke.__cause__, ke.__context__, ke.__suppress_context__)
ue = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte')
print(ue.encoding, ue.object, ue.start, ue.end, ue.reason, str(ue))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f'code {code}')
        self.code = code
m = MyErr(7)
print(m, repr(m), m.args, m.code, isinstance(m, Exception))
class Plain(Exception):
    pass
print(repr(Plain()), repr(Plain('a', 1)), str(Plain('a', 1)))
e2 = Exception('a')
e2.args = ('changed', 'args')
print(e2, e2.with_traceback(None) is e2)
print(BaseException.__new__(ValueError).args)
