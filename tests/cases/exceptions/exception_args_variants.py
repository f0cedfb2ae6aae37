for args in [(), ('one',), ('a', 'b'), (1, 2, 3), (None,), ([1],)]:
    e = Exception(*args)
    print(repr(e), str(e), e.args, len(e.args))
k = KeyError('quote\'s')
print(str(k), repr(k), str(KeyError('')), str(KeyError(None)))
print(str(IndexError(5)), repr(ZeroDivisionError()), str(StopIteration(1, 2)), StopIteration(1, 2).value)
print(repr(OSError()), repr(OSError(1)), repr(OSError(1, 'msg')), str(OSError(1, 'msg', 'file.txt')), OSError(1, 'm', 'f').filename)
print(repr(SyntaxError('msg')), SyntaxError('m', ('f.py', 1, 2, 'text')).lineno, str(SyntaxError('m', ('f.py', 1, 2, 'text'))))
print(repr(UnicodeError('u')), repr(Warning('w')), issubclass(UserWarning, Warning))
