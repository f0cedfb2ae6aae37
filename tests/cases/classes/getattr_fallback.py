class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print('forwarding', name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p._target, p.count(1))
try:
    p.nonexistent
except AttributeError as e:
    print('AttributeError:', e)
class Defaults:
    known = 1
    def __getattr__(self, name):
        return name.upper()
d = Defaults()
print(d.known, d.unknown, getattr(d, 'abc'))
