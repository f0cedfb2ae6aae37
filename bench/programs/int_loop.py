# Integer arithmetic in a while/for loop: locals, BINARY_OP, comparisons.
def run(n):
    total = 0
    i = 0
    while i < n:
        total += (i * i) % 7 - (i >> 2) + (i & 15)
        if total > 1000000:
            total -= 999983
        i += 1
    for j in range(n):
        total ^= j * 3
    return total
print(run(1500000))
