# Generators: yield, generator expressions, yield from, send.
def numbers(n):
    for i in range(n):
        yield i
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def chain(*its):
    for it in its:
        yield from it
def accumulator():
    total = 0
    while True:
        x = yield total
        total += x
total = 0
for rep in range(32):
    total += sum(evens(numbers(60000)))
    total += sum(x * 2 for x in range(50000) if x % 3)
    total += sum(chain(range(10000), numbers(10000)))
    acc = accumulator()
    next(acc)
    for i in range(20000):
        acc.send(i)
    total += acc.send(0)
print(total)
