def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
ps = sieve(10000)
print(len(ps), ps[:15], ps[-5:], sum(ps))
twins = [(p, p + 2) for p in ps if p + 2 in set(ps)]
print(len(twins), twins[:6])
def factorize(n):
    f = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            f.append(d)
            n //= d
        d += 1
    if n > 1:
        f.append(n)
    return f
for n in [1, 2, 360, 9973, 600851475143, 2 ** 32 + 1]:
    print(n, factorize(n))
