# Function calls with keyword arguments, defaults and *args/**kwargs.
def f(a, b=2, *, c=3, d=4):
    return a + b + c + d
def g(*args, **kwargs):
    return len(args) + len(kwargs)
def h(x, y, z=0):
    return x * y + z
total = 0
for i in range(300000):
    total += f(i, c=1)
    total += f(a=i, b=1, d=2)
    total += g(1, 2, k=i)
    total += h(i, 2, z=3) + h(y=1, x=i)
print(total)
