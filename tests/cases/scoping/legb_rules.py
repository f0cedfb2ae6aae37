x = 'global x'
def outer():
    x = 'enclosing x'
    def inner():
        return x
    return inner()
def uses_global():
    return x
def shadows_builtin():
    len = lambda s: 'fake len'
    return len('abc')
print(outer(), uses_global(), shadows_builtin(), len('abc'))
def builtin_lookup():
    return max([1, 5, 2])
print(builtin_lookup())
max = lambda *a: 'global max'
print(builtin_lookup())
del max
print(builtin_lookup())
import builtins
print(builtins.len('xy'), 'len' in dir(builtins))
