vals = [1, 1.5, 'str', "q'uote", b'bytes', None, True, [1, 'a'], (1,), {'k': 1}, {1, 2}, frozenset({3}), range(3), slice(1, 2), 1j, Ellipsis, NotImplemented, 'é', 'tab\t']
for v in vals:
    print(repr(v), '|', str(v), '|', ascii(v))
print(repr(print)[:27], repr(len), repr(int), repr(type), repr(object), repr(ValueError))
class P:
    pass
print(repr(P)[:16], repr(type(P())), str(P).startswith("<class '__main__.P'"))
