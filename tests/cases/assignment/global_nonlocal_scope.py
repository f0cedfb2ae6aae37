counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def outer():
    n = 0
    def bump():
        nonlocal n
        n += 10
        return n
    bump()
    bump()
    return n
print(outer())
x = 'global'
def read_global():
    return x
def shadow():
    x = 'local'
    return x
print(read_global(), shadow(), x)
def make():
    global created
    created = 'made'
make()
print(created)
def unbound():
    try:
        print(y_local)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    y_local = 1
unbound()
def cond_local(flag):
    if flag:
        z = 1
    return z
print(cond_local(True))
try:
    cond_local(False)
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
def class_scope():
    v = 'func'
    class K:
        v = 'class'
        w = v
    return K.w, v
print(class_scope())
