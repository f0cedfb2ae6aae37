def counter_gen():
    state = {'n': 0}
    def bump():
        state['n'] += 1
        return state['n']
    while True:
        yield bump()
g = counter_gen()
print([next(g) for _ in range(5)])
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def make_stack():
    items = []
    def push(x):
        items.append(x)
    def pop():
        return items.pop()
    def size():
        return len(items)
    return push, pop, size
push, pop, size = make_stack()
for i in range(4):
    push(i * i)
print(pop(), pop(), size())
