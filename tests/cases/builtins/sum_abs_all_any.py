print(sum([1, 2, 3]), sum([]), sum([1.5, 2.5]), sum(range(101)), sum([1, 2], 10), sum([[1], [2]], []), sum([(1,), (2,)], ()))
print(sum([0.1] * 10), sum([1, 2.5, 3j]), sum([True, True]), sum(x * x for x in range(4)), sum([], start=5))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TypeError:', e)
try:
    sum([b'a'], b'')
except TypeError as e:
    print('TypeError:', e)
print(abs(-5), abs(5), abs(-2.5), abs(3 + 4j), abs(-0.0), abs(True), abs(-2 ** 70))
class A:
    def __abs__(self):
        return 'abs called'
print(abs(A()))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, '', 1]), any([0, None]), all('abc'), any(x > 5 for x in range(3)))
calls = []
def t(v):
    calls.append(v)
    return v
print(all(t(x) for x in [1, 0, 2]), calls)
calls.clear()
print(any(t(x) for x in [0, 3, 0]), calls)
