import copy

# atomic / immutable values come back unchanged
for v in [None, 1, 2.5, True, 3j, 'abc', b'xy', (1, 2), frozenset({1}),
          range(3), len, int, Ellipsis, NotImplemented]:
    print(repr(v), copy.copy(v) is v, copy.deepcopy(v) is v)
print(copy.copy(slice(1, 2)) == slice(1, 2), copy.deepcopy(slice(1, 2, None)))

# shallow copies of containers
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
print(b == a, b is a, b[1] is a[1], b[2] is a[2])
d = {'x': [1], 'y': 2}
e = copy.copy(d)
print(e, e is d, e['x'] is d['x'])
s = {1, 2, 3}
print(copy.copy(s), copy.copy(s) is s)
ba = bytearray(b'abc')
print(copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba), copy.deepcopy(ba) is ba)

# deep copies
c = copy.deepcopy(a)
print(c == a, c is a, c[1] is a[1], c[2]['k'] is a[2]['k'])
t = (1, 'a', (2, 3))
print(copy.deepcopy(t) is t)
t2 = (1, [2])
t3 = copy.deepcopy(t2)
print(t3, t3 is t2, t3[1] is t2[1])
fs = frozenset({(1, 2), 'x'})
print(copy.deepcopy(fs) == fs)
ss = {(1, 2), 3}


class MySet(set):
    pass


mys = MySet([1, 2])
mys.tag = [0]
mys2 = copy.deepcopy(mys)
print(type(mys2).__name__, sorted(mys2), mys2.tag, mys2.tag is mys.tag)
mys3 = copy.copy(mys)
print(type(mys3).__name__, sorted(mys3), mys3.tag is mys.tag)
print(copy.deepcopy(ss) == ss, copy.deepcopy(ss) is ss)

# shared and recursive structures
shared = [0]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp, cp[0] is cp[1], cp[0] is shared)
rec = [1, 2]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[2] is rc, rc[2] is rec, len(rc))
rd = {'me': None}
rd['me'] = rd
rdc = copy.deepcopy(rd)
print(rdc['me'] is rdc, rdc is rd)
rt = ([],)
rt[0].append(rt)
rtc = copy.deepcopy(rt)
print(rtc is rt, rtc[0][0] is rtc)

# memo argument
memo = {}
x = [1, 2]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo, memo[id(x)] is y[0])
print(sorted(type(v).__name__ for v in memo.values()))
keep = memo[id(memo)]
print(len(keep), keep[0] is x)
pre = {id(x): 'preset'}
print(copy.deepcopy([x], pre))


# class instances
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f'Point({self.x!r}, {self.y!r})'


p = Point(1, [2])
q = copy.copy(p)
print(q, type(q) is Point, q is p, q.y is p.y)
r = copy.deepcopy(p)
print(r, r.y is p.y)


class Slotted:
    __slots__ = ('a', 'b', 'c')

    def __init__(self):
        self.a = [1]
        self.c = 'p'

    def priv(self):
        return self.c


class SubSlotted(Slotted):
    def __init__(self):
        super().__init__()
        self.extra = {'e': 1}


o = Slotted()
o2 = copy.copy(o)
print(o2.a, o2.a is o.a, hasattr(o2, 'b'), o2.priv())
o3 = copy.deepcopy(o)
print(o3.a, o3.a is o.a, o3.priv())
so = SubSlotted()
so2 = copy.deepcopy(so)
print(so2.a, so2.extra, so2.extra is so.extra, so2.priv())


class Counted:
    inits = 0

    def __init__(self):
        Counted.inits += 1
        self.v = 1


cc = Counted()
copy.copy(cc)
copy.deepcopy(cc)
print('inits', Counted.inits)


class WithCopy:
    def __init__(self, tag):
        self.tag = tag

    def __copy__(self):
        print('__copy__ called')
        return WithCopy(self.tag + '-copy')

    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return WithCopy(self.tag + '-deep')


w = WithCopy('w')
print(copy.copy(w).tag, copy.deepcopy(w).tag, copy.deepcopy([w, w])[1].tag)


class WithState:
    def __init__(self):
        self.data = [1, 2]
        self.cache = 'big'

    def __getstate__(self):
        print('getstate')
        return {'data': self.data}

    def __setstate__(self, state):
        print('setstate', state)
        self.__dict__.update(state)


ws = copy.deepcopy(WithState())
print(vars(ws))


class WithReduce:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (WithReduce, (self.n * 10,))


print(copy.copy(WithReduce(2)).n, copy.deepcopy(WithReduce(3)).n)


class Named:
    def __reduce__(self):
        return 'Named'


nm = Named()
print(copy.copy(nm) is nm, copy.deepcopy(nm) is nm)


class NewArgs:
    def __new__(cls, n):
        self = object.__new__(cls)
        self.n = n
        return self

    def __getnewargs__(self):
        return (self.n,)


na = copy.deepcopy(NewArgs(7))
print(type(na).__name__, na.n)


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList([1, [2]])
ml.attr = 'a'
ml2 = copy.copy(ml)
print(type(ml2).__name__, ml2, ml2.attr, ml2[1] is ml[1])
ml3 = copy.deepcopy(ml)
print(type(ml3).__name__, ml3, ml3[1] is ml[1])
md = MyDict(a=[1])
md2 = copy.deepcopy(md)
print(type(md2).__name__, md2, md2['a'] is md['a'])


class MyInt(int):
    pass


mi = MyInt(5)
mi.tag = 't'
mi2 = copy.copy(mi)
print(type(mi2).__name__, mi2, mi2.tag)


class Meth:
    def m(self):
        return self


mo = Meth()
bm = copy.deepcopy(mo.m)
print(bm.__self__ is mo, type(bm.__self__).__name__, bm.__func__ is Meth.m)
print(copy.copy(Meth) is Meth, copy.deepcopy(Meth) is Meth)


def gen():
    yield 1


for f in (copy.copy, copy.deepcopy):
    try:
        f(gen())
    except TypeError as e:
        print('TypeError', e)
print(copy.copy(copy.copy) is copy.copy, copy.deepcopy(gen) is gen)


class AppError(ValueError):
    pass


err = AppError('bad', [1])
err.code = {'n': 2}
err2 = copy.copy(err)
print(type(err2).__name__, err2.args, err2.args[1] is err.args[1], err2.code is err.code)
err3 = copy.deepcopy(err)
print(type(err3).__name__, err3.args, err3.args[1] is err.args[1], err3.code, err3.code is err.code)
print(repr(copy.deepcopy(KeyError('k'))), repr(copy.copy(StopIteration(3)).value))
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
print(sorted(copy.__all__))
