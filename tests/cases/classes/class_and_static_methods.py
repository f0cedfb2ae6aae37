class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
    @classmethod
    def create_many(cls, n):
        return [cls() for _ in range(n)]
    @classmethod
    def count(cls):
        return cls.instances
    @staticmethod
    def helper(x):
        return x * 2
objs = Counter.create_many(3)
print([o.id for o in objs], Counter.count(), Counter.helper(4), objs[0].helper(5), objs[0].count())
class Sub(Counter):
    pass
s = Sub.create_many(2)
print(type(s[0]).__name__, Sub.count(), Counter.instances, Sub.instances)
print(type(Counter.__dict__['count']).__name__, Counter.count.__self__ is Counter, Sub.count.__self__ is Sub)
class Alt:
    def __init__(self, v):
        self.v = v
    @classmethod
    def from_str(cls, s):
        return cls(int(s))
    def __repr__(self):
        return f'Alt({self.v})'
print(Alt.from_str('42'), Alt(1).from_str('7'))
