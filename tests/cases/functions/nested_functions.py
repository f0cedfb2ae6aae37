def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner
    return middle
print(outer(1)(2)(3), outer('a')('b')('c'))
def make_ops():
    def add(a, b):
        return a + b
    def mul(a, b):
        return a * b
    return {f.__name__: f for f in (add, mul)}
ops = make_ops()
print(sorted(ops), ops['add'](2, 3), ops['mul'](2, 3), ops['add'].__qualname__)
def recursive_inner(n):
    def helper(k):
        return 1 if k <= 1 else k * helper(k - 1)
    return helper(n)
print(recursive_inner(10))
