d = {}
d[1] = 'int'
d[1.0] = 'float'
d[True] = 'bool'
d[(1, 2)] = 'tuple'
d[None] = 'none'
d['1'] = 'str'
d[frozenset([1])] = 'fs'
d[2 ** 70] = 'big'
d[-0.0] = 'negzero'
print(d, len(d))
print(d[0], d[0.0], d[1], d[(1, 2)], d[frozenset({1})], d[2 ** 70])
nan = float('nan')
d2 = {nan: 1}
print(d2[nan], nan in d2, float('nan') in d2)
print({1: 'a', 1.0: 'b'}, {0: 'a', False: 'b', 0.0: 'c'})
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __repr__(self):
        return f'K({self.v})'
d3 = {K(1): 'one', K(2): 'two'}
print(d3[K(1)], K(3) in d3, d3)
