sq = lambda x: x * x
print(sq(7), (lambda: 'noargs')(), (lambda *a, **k: (a, k))(1, z=2), (lambda a, b=3: a * b)(2))
print((lambda x: (lambda y: x + y))(1)(2), (lambda: (yield))().__class__.__name__ if False else 'skip')
pairs = [(3, 'c'), (1, 'a'), (2, 'b')]
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(list(map(lambda s: s[::-1], ['abc', 'xyz'])))
cond = lambda n: 'even' if n % 2 == 0 else 'odd'
print([cond(i) for i in range(4)])
print((lambda *, k: k)(k=5), (lambda a, /, b: a - b)(5, b=1))
nested = lambda x: [lambda: x * i for i in range(3)]
print([f() for f in nested(10)])
print(repr(sq)[:17], sq.__name__)
