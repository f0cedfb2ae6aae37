a, b = 0, 10
steps = []
while a < b and (b - a) % 7 != 0:
    a += 1
    b -= 1
    steps.append((a, b))
print(steps)
items = [3, 0, 5, None, 7]
i = 0
while i < len(items) and items[i] is not None:
    i += 1
print('stopped at', i)
n = 27
seq = []
while n != 1 and len(seq) < 10:
    seq.append(n)
    n = 3 * n + 1 if n % 2 else n // 2
print(seq)
