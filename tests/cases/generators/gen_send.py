def echo():
    received = None
    while True:
        received = yield received
        if received == 'stop':
            return 'stopped'
g = echo()
print(next(g), g.send('a'), g.send('b'), g.send(3))
try:
    g.send('stop')
except StopIteration as e:
    print('StopIteration value', e.value)
def averager():
    total, count, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 30, 40]])
g2 = echo()
try:
    g2.send('x')
except TypeError as e:
    print('TypeError:', e)
def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
acc = accumulate()
next(acc)
for v in range(5):
    acc.send(v)
try:
    acc.send(None)
except StopIteration as e:
    print('final', e.value)
