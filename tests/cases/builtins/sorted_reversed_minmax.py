print(sorted([3, 1, 2]), sorted('cba'), sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'c'], key=str.lower))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
print(type(reversed([])).__name__, type(reversed(range(2))).__name__)
class R:
    def __reversed__(self):
        return iter('custom')
class S:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 2
print(list(reversed(R())), list(reversed(S())))
try:
    reversed({1, 2})
except TypeError as e:
    print('TypeError:', e)
print(min(3, 1, 2), max(3, 1, 2), min('hello'), max([1, 5, 3]), min([], default='empty'), max([], default=None))
print(min([1, -5, 3], key=abs), max(['aa', 'b', 'ccc'], key=len), max([1, 3, 3.0], key=float), min([(2, 'b'), (2, 'a')]))
print(max(1, 2, key=lambda x: -x), max([2, 2.0]), max([2.0, 2]), min('b', 'a', 'c'), max(range(5), key=lambda x: x % 3))
for bad in [lambda: min([]), lambda: max(), lambda: min(1), lambda: max([1], [2], default=0), lambda: min([1, 'a'])]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
