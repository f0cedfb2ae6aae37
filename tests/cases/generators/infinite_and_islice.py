def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    return [x for _, x in zip(range(n), it)]
def squares():
    for n in naturals():
        yield n * n
def dropwhile(pred, it):
    it = iter(it)
    for x in it:
        if not pred(x):
            yield x
            break
    yield from it
print(take(10, naturals()), take(5, squares()), take(4, dropwhile(lambda x: x < 50, squares())))
def cycle(seq):
    while True:
        yield from seq
print(take(7, cycle('abc')))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:15], len(list(collatz(27))), max(collatz(27)))
