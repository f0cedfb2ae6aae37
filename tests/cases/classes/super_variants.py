class Base:
    def __init__(self):
        self.log = ['Base']
    def hello(self, x):
        return f'Base.hello({x})'
class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Mid')
    def hello(self, x):
        return 'Mid>' + super().hello(x)
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__()
        self.log.append('Leaf')
    def hello(self, x):
        return 'Leaf>' + super(Mid, self).hello(x)
l = Leaf()
print(l.log, l.hello(1), Mid.hello(l, 2))
print(super(Leaf, l).hello(3))
class WithClassMethod(Base):
    @classmethod
    def make(cls):
        return super().__new__(cls)
print(type(WithClassMethod.make()).__name__)
