print(*[1, 2], *'ab', *range(2))
l = [*range(3), *[10], *(20, 30)]
t = (*l, 'end')
s = {*'aab', *[1]} if False else {*[3, 1], *(2,)}
print(l, t, s)
d = {**{'a': 1}, 'b': 2, **dict(c=3)}
print(d)
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), x=1, **{'y': 2}, **{'z': 3}))
a, *b = *'xy', 'z'
print(a, b)
print([*{'k': 1, 'j': 2}], (*(),), [*()])
try:
    print(*5)
except TypeError as e:
    print('TypeError:', e)
try:
    f(**{'x': 1}, x=2)
except TypeError as e:
    print('TypeError:', e)
try:
    f(**[1])
except TypeError as e:
    print('TypeError:', e)
