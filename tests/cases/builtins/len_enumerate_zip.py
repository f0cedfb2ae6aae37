print(len('abc'), len([1, 2]), len(()), len({1: 2}), len({1, 2, 3}), len(range(10)), len(b'xy'), len(bytearray(4)))
class L:
    def __len__(self):
        return 7
print(len(L()))
for bad in [lambda: len(L.__len__ and 5), lambda: len(None)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print('ValueError:', e)
print(list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate([], 5)), list(enumerate('x', start=-1)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip('ab', 'cd', 'ef')))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print('ValueError:', e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print('ValueError:', e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print('ValueError:', e)
pairs = list(zip('abc', range(3)))
print(list(zip(*pairs)))
e = enumerate('xy')
print(next(e), next(e), type(e).__name__, type(zip()).__name__)
