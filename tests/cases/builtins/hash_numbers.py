for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -2 ** 64, 10 ** 20, 0.5, 1.0, -1.5, 1e100, 1e-100, 3.14, float('inf'), -float('inf'), True, False, 1 + 2j, 2j, 0j]:
    print(repr(v), hash(v))
print(hash((1, 2, 3)), hash((1, (2, 3))), hash(()), hash((0.5, -1)), hash(('',)))
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(range(5)) == hash(range(0, 5)))
try:
    hash({})
except TypeError as e:
    print('TypeError:', e)
class H:
    def __hash__(self):
        return 12345
print(hash(H()))
class HB:
    def __hash__(self):
        return 2 ** 100
print(hash(HB()))
class Unh:
    __hash__ = None
try:
    hash(Unh())
except TypeError as e:
    print('TypeError:', e)
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print('TypeError:', e)
