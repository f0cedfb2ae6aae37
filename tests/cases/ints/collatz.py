def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best))
for n in [1, 7, 27, 97, 871]:
    print(n, collatz_len(n))
x = 2 ** 200 + 1
print(collatz_len(x))
