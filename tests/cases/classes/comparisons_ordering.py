class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __repr__(self):
        return '.'.join(map(str, self.parts))
vs = [Version(s) for s in ['1.10', '1.2', '1.2.1', '0.9', '2.0']]
print(sorted(vs), max(vs), min(vs))
print(Version('1.0') < Version('1.1'), Version('2.0') >= Version('2.0'), Version('1.0') == Version('1.0'), Version('3') > Version('2.9'))
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(OnlyLt(1) > OnlyLt(0), OnlyLt(1) < OnlyLt(0))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print('TypeError:', e)
