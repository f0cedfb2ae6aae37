def numbers(n):
    for i in range(n):
        yield i
def squares(it):
    for x in it:
        yield x * x
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(5, evens(squares(numbers(100))))))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
print(list(take(20, primes())))
def windows(seq, k):
    for i in range(len(seq) - k + 1):
        yield seq[i:i + k]
print(list(windows([1, 2, 3, 4, 5], 3)))
def interleave(a, b):
    ia, ib = iter(a), iter(b)
    while True:
        try:
            yield next(ia)
            yield next(ib)
        except StopIteration:
            return
print(list(interleave('abc', '123')), list(interleave('abcd', '12')))
def running_sum(it):
    total = 0
    for x in it:
        total += x
        yield total
print(list(running_sum(range(10))))
