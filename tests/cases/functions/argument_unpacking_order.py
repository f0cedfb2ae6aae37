def show(*args, **kwargs):
    return args, kwargs
print(show(1, *[2, 3], 4, *(5,)))
print(show(a=1, **{'b': 2}, c=3, **{'d': 4}))
print(show(*'ab', *range(2), k='v', **dict(z=0)))
order = []
def val(x):
    order.append(x)
    return x
show(val(1), *[val(2)], k=val(3), **{'m': val(4)})
print(order)
try:
    show(**{1: 'x'})
except TypeError as e:
    print('TypeError:', e)
