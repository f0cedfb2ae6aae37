data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 10) > 30], y)
print([(n, sq) for n in range(6) if (sq := n * n) > 5])
def expensive(x):
    return x ** 2 - 1
print([v for x in range(6) if (v := expensive(x)) % 3 == 0])
print(sum(v for v in (x * 2 for x in range(5))), [*(x for x in 'ab'), *[1]])
print(sorted({x % 4: x for x in range(12)}.items(), key=lambda kv: -kv[1]))
print(list(map(lambda t: t[0] * t[1], [(a, b) for a in range(3) for b in range(2)])))
print(dict(enumerate(c for c in 'xyz')), list(zip(*[(1, 'a'), (2, 'b')])))
