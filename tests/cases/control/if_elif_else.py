def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    elif n < 100:
        return 'medium'
    else:
        return 'large'
for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
for v in [0, 1, '', 'a', [], [0], None, 0.0, {}, {0: 0}, set(), range(0), range(1)]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
x = 5
if x > 3: print('inline if')
if x: pass
else: print('never')
y = 'big' if x > 4 else 'small'
print(y)
class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool called')
        return self.v
class Length:
    def __len__(self):
        return 0
if Truth(False) or Truth(True):
    print('or worked')
print(bool(Length()), not Length())
