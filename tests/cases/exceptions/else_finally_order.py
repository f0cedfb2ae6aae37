def trace(raise_in):
    out = []
    try:
        out.append('try')
        if raise_in == 'try':
            raise ValueError
    except ValueError:
        out.append('except')
        if raise_in == 'except':
            raise KeyError
    else:
        out.append('else')
        if raise_in == 'else':
            raise IndexError
    finally:
        out.append('finally')
    out.append('after')
    return out
for where in [None, 'try', 'except', 'else']:
    try:
        print(where, trace(where))
    except Exception as e:
        print(where, 'escaped', type(e).__name__)
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
for v in gen_with_finally():
    print('got', v)
    break
print('after loop (generator may be finalized later)')
g = gen_with_finally()
next(g)
del g
print('after del')
