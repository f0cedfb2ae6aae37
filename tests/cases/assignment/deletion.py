x = 1
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)
l = list(range(10))
del l[0], l[-1]
print(l)
del l[::3]
print(l)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
class O:
    pass
o = O()
o.attr = 5
o.other = 6
del o.attr
print(hasattr(o, 'attr'), o.other, vars(o))
try:
    del o.attr
except AttributeError as e:
    print('AttributeError:', e)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
def g():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return 'UnboundLocalError: ' + str(e)
print(g())
nested = [[1, 2], [3, 4]]
del nested[0][1]
print(nested)
try:
    del undefined_name
except NameError as e:
    print('NameError:', e)
