def gen():
    x = yield 1
    y = yield x * 2
    return x + y
g = gen()
print(next(g), g.send(10))
try:
    g.send(5)
except StopIteration as e:
    print('returned', e.value)
def wrapper():
    result = yield from gen()
    yield f'inner returned {result}'
w = wrapper()
print(next(w), w.send(3), w.send(4))
def counter_gen(limit):
    count = 0
    for i in range(limit):
        count += yield i
    return count
c = counter_gen(3)
vals = [next(c)]
try:
    while True:
        vals.append(c.send(10))
except StopIteration as e:
    print(vals, e.value)
