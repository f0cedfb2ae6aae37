print(list(map(str, [1, 2, 3])), list(map(lambda x, y: x + y, 'abc', 'xyz')), list(map(pow, [2, 3], [3, 2])))
print(list(map(len, ['a', 'bb', ''])), list(map(int, '123')), list(map(abs, [-1, 2, -3])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, '', 'a', [], [1], None, 5])))
print(list(filter(str.isdigit, 'a1b2c3')), list(map(str.upper, filter(str.isalpha, 'a1b'))))
m = map(lambda x: x * 10, [1, 2])
print(type(m).__name__, next(m), list(m), list(m))
def reduce(fn, seq, init):
    acc = init
    for x in seq:
        acc = fn(acc, x)
    return acc
print(reduce(lambda a, b: a * b, range(1, 11), 1), reduce(lambda a, b: b + a, 'abc', ''))
print(list(map(lambda *a: a, [1, 2], [3, 4, 5])), list(map(min, [3, 1], [2, 5])))
try:
    map()
except TypeError as e:
    print('TypeError:', e)
try:
    list(map(None, [1]))
except TypeError as e:
    print('TypeError:', e)
