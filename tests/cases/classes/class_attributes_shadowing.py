class Config:
    defaults = {'a': 1}
    items = []
    def add(self, x):
        self.items.append(x)
c1, c2 = Config(), Config()
c1.add(1)
c2.add(2)
print(c1.items, c2.items, Config.items, c1.items is c2.items)
c1.items = ['own']
print(c1.items, c2.items)
class Shadow:
    x = 'class'
    def get(self):
        return self.x
s = Shadow()
print(s.get())
s.x = 'instance'
print(s.get(), Shadow.x)
del s.x
print(s.get())
class Counter:
    n = 0
    def inc(self):
        self.n += 1
a = Counter()
a.inc(); a.inc()
print(a.n, Counter.n)
