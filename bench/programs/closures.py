# Closures: nonlocal counters, function factories, lambdas.
def make_counter():
    count = 0
    def inc(step):
        nonlocal count
        count += step
        return count
    return inc
def make_adder(n):
    return lambda x: x + n
total = 0
for rep in range(200):
    c = make_counter()
    adders = [make_adder(k) for k in range(10)]
    for i in range(6000):
        total += c(1) + adders[i % 10](i)
    total %= 1000000007
print(total)
