def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(a=1, c=3, d=0, z=9))
print(f(*[1, 2, 3], **{'c': 'C', 'x': 'X'}))
for bad in ["f()", "f(1)", "f(1, 2, 3, d=4)", "f(1, a=1, c=2)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, '->', e)
