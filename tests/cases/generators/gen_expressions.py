g = (x * x for x in range(5))
print(type(g).__name__, list(g), list(g))
print(sum(x for x in range(10)), max(len(w) for w in ['a', 'bbb', 'cc']), any(x > 3 for x in [1, 5]), all(x for x in []))
print(sorted((c for c in 'hello'), reverse=True), ''.join(c.upper() for c in 'abc'), tuple(i for i in range(3)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
evens = (n for n in range(20) if n % 2 == 0 if n % 3)
print(list(evens))
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
try:
    list(1 / (i - 2) for i in range(4))
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
def gen_iter():
    print('first iter evaluated')
    return [1, 2]
g = (i for i in gen_iter())
print('before consume')
print(list(g))
print(dict((k, len(k)) for k in ['aa', 'b']), set(i % 3 for i in range(10)))
