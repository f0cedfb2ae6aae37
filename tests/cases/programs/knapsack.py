def knapsack(items, cap):
    best = [[0] * (cap + 1) for _ in range(len(items) + 1)]
    for i, (w, v) in enumerate(items, 1):
        for c in range(cap + 1):
            best[i][c] = best[i - 1][c]
            if w <= c and best[i - 1][c - w] + v > best[i][c]:
                best[i][c] = best[i - 1][c - w] + v
    chosen = []
    c = cap
    for i in range(len(items), 0, -1):
        if best[i][c] != best[i - 1][c]:
            chosen.append(i - 1)
            c -= items[i - 1][0]
    return best[-1][-1], sorted(chosen)
items = [(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)]
for cap in [0, 5, 15, 20]:
    print(cap, knapsack(items, cap))
def lcs(a, b):
    dp = [[''] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a)):
        for j in range(len(b)):
            dp[i + 1][j + 1] = dp[i][j] + a[i] if a[i] == b[j] else max(dp[i][j + 1], dp[i + 1][j], key=len)
    return dp[-1][-1]
print(lcs('AGGTAB', 'GXTXAYB'), lcs('abcdef', 'acf'), repr(lcs('abc', 'xyz')))
