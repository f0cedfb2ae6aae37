def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
g = count_up(3)
print(type(g).__name__, next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value, e.args)
print(list(count_up(5)), sum(count_up(101)), max(count_up(7)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def with_return():
    yield 1
    return 'result'
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('value:', e.value)
print(list(with_return()))
def empty():
    return
    yield
print(list(empty()), next(empty(), 'default'))
g = count_up(2)
print(iter(g) is g, list(g), list(g))
