s = {x % 10 for x in range(100) if x % 3 == 0}
print(s, len(s))
words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry']
print({w[0] for w in words} == {'a', 'b', 'c'}, sorted({len(w) for w in words}))
a = set(range(0, 20, 2))
b = set(range(0, 20, 3))
print(sorted(a & b), sorted(a - b), sorted(a ^ b)[:5], len(a | b))
print({1, 2, 3} <= {1, 2, 3, 4}, {1, 2} >= {1}, set() < {1}, {1} < {1}, {1, 2}.issubset([1, 2, 3]))
fs = frozenset({1, 2})
print({fs: 'value'}[frozenset([2, 1])], fs | {3}, type(fs & {1}).__name__)
print(set('hello') == {'h', 'e', 'l', 'o'}, len(set('hello')), sorted(set('hello')))
