a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, type(None) is type(None))
print(1 in [1, 2], 'b' in 'abc', 'x' in {'x': 1}, 1 in {1}, 3 in range(5), (1, 2) in [(1, 2)], 1 in (1.0,))
print([] in [[]], 'ab' in ['a', 'b'], 2 not in (1, 3), 'k' not in {})
class C:
    def __contains__(self, x):
        return x % 2 == 0
print(2 in C(), 3 in C(), 3 not in C())
class It:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in It(), 7 in It())
class G:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * 10
print(30 in G(), 31 in G(), list(G()))
try:
    1 in 5
except TypeError as e:
    print('TypeError:', e)
