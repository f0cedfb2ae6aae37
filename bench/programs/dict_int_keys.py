# Dicts and sets keyed by ints: a memo table, counting, a sparse matrix as
# a dict of (int, int) tuples, int sets with algebra, iteration order.
def collatz_lengths(limit):
    memo = {1: 1}
    for start in range(2, limit):
        n = start
        path = []
        while n not in memo:
            path.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
        length = memo[n]
        for m in reversed(path):
            length += 1
            memo[m] = length
    return memo


def sparse_square(n):
    m = {}
    for i in range(n):
        for j in range(i % 5, n, 7):
            m[(i, j)] = i + j
    result = {}
    for (i, k), a in m.items():
        for j in range(k % 3, n, 11):
            b = m.get((k, j))
            if b is not None:
                result[(i, j)] = result.get((i, j), 0) + a * b
    return result


def run():
    memo = collatz_lengths(30000)
    total = len(memo) + max(memo.values())
    hist = {}
    for v in memo.values():
        hist[v % 50] = hist.get(v % 50, 0) + 1
    total += sum(k * v for k, v in hist.items())
    sq = sparse_square(90)
    total += len(sq) + sum(sq.values()) % 1000003
    a = {x * 3 % 10007 for x in range(8000)}
    b = {x * 5 % 10007 for x in range(8000)}
    total += len(a & b) + len(a | b) + len(a - b) + len(b ^ a)
    order = list({k: None for k in range(1000, 0, -3)})
    total += order[0] - order[-1]
    for k in range(0, 30000, 4):
        memo.pop(k, None)
    total += len(memo) + sum(k for k in memo if k < 1000)
    return total


checksum = 0
for rep in range(10):
    checksum += run()
print(checksum)
