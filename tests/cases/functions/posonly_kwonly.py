def f(a, b, /, c, d=4, *, e, f=6):
    return a, b, c, d, e, f
print(f(1, 2, 3, e=5), f(1, 2, c=3, d=40, e=5, f=60))
def only_pos(x, /):
    return x
print(only_pos(5))
def kw_named_like_pos(a, /, **kw):
    return a, kw
print(kw_named_like_pos(1, a=2))
for call in ['f(1, b=2, c=3, e=5)', 'f(1, 2, 3)', 'f(1, 2, 3, 4, 5, e=6)', 'only_pos(x=1)', 'f(1, 2, 3, e=5, g=7)', 'only_pos()', 'only_pos(1, 2)']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
