# Equal numbers are one key whatever their type (int, big int, float,
# complex, bool), and NaNs are keys only by identity.
print({2**70: 1}.get(2.0**70), {2.0**70: 1}.get(2**70), 2**70 in {2.0**70}, {1: 'a'}.get(1.0), {10**30: 'x'}.get(float(10**30)))
print(hash(2**70) == hash(2.0**70), {2**70, 2.0**70}, {2**64: 1, 2.0**64: 2}, {2**64 + 1: 1}.get(2.0**64))
d = {}
d[2**100] = 1
d[2.0**100] = 2
d[True] = 't'
d[1.0] = 'f'
d[complex(3, 0)] = 'c'
d[3] = 'i'
print(d, {complex(2, 0): 'x'}.get(2), {0: 'z'}.get(-0.0), {-0.0: 'n'}.get(0))
nan = float('nan')
d2 = {nan: 1, float('nan'): 2}
print(len(d2), d2[nan], nan in d2, float('nan') in d2, nan in [nan], float('nan') in [nan], [nan] == [nan], (nan,) == (float('nan'),))
s = {nan, nan, float('nan')}
print(len(s), nan in s, nan is nan, float('nan') is float('nan'))
inf = float('inf')
print({inf: 'i'}.get(float('inf')), {-inf: 'm'}.get(-float('inf')), repr(nan), repr(-float('nan')), nan != nan)
class MyInt(int):
    pass
class MyStr(str):
    pass
d = {MyInt(5): 'i', MyStr('k'): 's'}
print(d[5], d['k'], 5 in d, 'k' in d, d.get(5), {5: 1}[MyInt(5)], {'k': 1}[MyStr('k')])
s = {MyInt(5), MyStr('k')}
print(5 in s, 'k' in s, len(s | {5, 'k'}), len({5, 'k'} | s), s - {5}, {5} - s)
s.discard(5)
s.add('k')
print(s, type(list(s)[0]).__name__)
d[5] = 'plain'
d['k'] = 'plain'
print(len(d), d.pop(5), len(d), d)
class Loose:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o
print({Loose(3): 'L'}.get(3), 3 in {Loose(3)}, {3: 'int'}.get(Loose(3)))
