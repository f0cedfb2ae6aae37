f(1, 2, x=3)
f(*a)
f(*a, **k)
f(1, *a, 2, x=1, **k)
obj.method(1, 2)
obj.method(k=1)
import os
os.path.join("a", "b")
g = len
s = "abc"[1:2]
t = s[::2]
u = s[1:2, 3]
m = f"{s!r:>10} and {t}"
n = f"{s}"
o = {**k, "a": 1}
p = {"a": 1, "b": 2}
q = {1: x, y: 2}
r = [*a, 1]
(*r, q) = a
a, *b, c = r
x = y = z = 1
x.y = 1
x[0] = 2
x.y += 1
x[0] -= 2
print(-x, +x, ~x, not x)
print(x ** 2, x // 3, x @ y, x << 1)
