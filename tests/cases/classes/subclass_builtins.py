class MyList(list):
    def sum(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), type(ml).__name__, isinstance(ml, list), type(ml + [5]).__name__)
class MyDict(dict):
    def __missing__(self, key):
        return f'missing:{key}'
md = MyDict(a=1)
print(md['a'], md['zz'], md.get('zz'), md)
class MyStr(str):
    def shout(self):
        return self.upper() + '!'
s = MyStr('hi')
print(s.shout(), s + ' there', type(s + 'x').__name__, len(s), s == 'hi')
class MyInt(int):
    def __repr__(self):
        return f'MyInt({int(self)})'
i = MyInt(5)
print(repr(i), i + 1, type(i + 1).__name__, i * 2, str(i) if False else int(i))
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-7), Pos(3) + Pos(-4))
class E(Exception):
    pass
print(E('x').args, isinstance(E(), Exception))
