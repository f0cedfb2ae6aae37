d = {'a': 1}
for f in [lambda: d['b'], lambda: d.pop('b'), lambda: {}.popitem(), lambda: d[[1]], lambda: {[1]: 2}, lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: d < d, lambda: dict(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
try:
    del d['zz']
except KeyError as e:
    print('KeyError:', e, repr(e), e.args)
try:
    for k in d:
        d['new'] = 1
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    {}[(1, [2])]
except TypeError as e:
    print('TypeError:', e)
try:
    d[()] 
except KeyError as e:
    print('KeyError:', e)
