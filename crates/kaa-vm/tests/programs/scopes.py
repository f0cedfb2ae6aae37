x = "global"
def read():
    return x
def write():
    global x
    x = "changed"
write()
print(read())
def make_adders():
    return [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in make_adders()])
def outer():
    a = 1
    def mid():
        b = 2
        def inner():
            return a + b
        return inner
    return mid()()
print(outer())
for i in range(3):
    pass
else:
    print("for-else", i)
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
class K:
    y = 5
    vals = [y * 2 for _ in range(2)] if False else None
    def m(self):
        return K.y
print(K().m(), K.vals)
def star(*a, **k):
    return a, sorted(k.items())
print(star(*[1, 2], *(3,), **{"x": 1}, y=2))
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = [1, 2], 3
print(a, b, c)
print([(i, j) for i in range(3) for j in range(i)])
print({i % 3 for i in range(10)}, {i: i * i for i in range(4)})
data = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(data, key=lambda t: (t[1], t[0])), sorted(data, key=lambda t: t[1], reverse=True))
print(min(data, key=lambda t: t[1]), max("hello"), sum([0.5, 0.25]), sum([[1], [2]], []))
def gen_squares(n):
    for i in range(n):
        yield i * i
print(list(gen_squares(5)), any(x > 10 for x in gen_squares(5)))
x = 5
x += 2; x -= 1; x *= 3; x //= 4; x **= 2; x %= 7; x <<= 3; x >>= 1; x |= 1; x &= 0xff; x ^= 2
print(x)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
lst += [2]
lst *= 2
print(lst)
print(isinstance(True, int), isinstance(1, (str, int)), type(1) is int, type("") == str)
print(callable(len), callable(1), getattr([], "append").__name__)
print(int("-12"), int("0x1f", 16), int(" 7 "), float(" 2.5e3 "), str(None), bool("x"))
print(list(iter([1, 2])), next(iter("ab")), next(iter([]), "default"))
print(divmod(7.5, 2), pow(2, -1), pow(-2, 3), 10 ** 20, 7 // -2, 7 % -2, -7 // 2)
print(round(0.5), round(1.5), round(-2.5), round(1234, -2), round(2.675, 2))
print(abs(-5), abs(-2**70), hash("a") == hash("a"), id(x) == id(x))
print(chr(0x263A), ord("€"), ascii("é"), repr("\n\t"), repr("\x00"))
print(1 if 0 else 2, 0 or "x", 3 and 4, not 0, None is None, x is not None)
print(3 in {1: 2, 3: 4}, "k" in {"k": 1}.keys(), 2 in {1: 2}.values(), ("k", 1) in {"k": 1}.items())
