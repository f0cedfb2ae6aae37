def primes_upto(n):
    composite = set()
    out = []
    for i in range(2, n + 1):
        if i not in composite:
            out.append(i)
            composite.update(range(i * i, n + 1, i))
    return out
print(primes_upto(100))
seen = set()
dupes = []
for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    if x in seen:
        dupes.append(x)
    seen.add(x)
print(seen, dupes, sorted(set(dupes)))
graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: []}
visited = set()
order = []
def dfs(n):
    if n in visited:
        return
    visited.add(n)
    for m in graph[n]:
        dfs(m)
    order.append(n)
dfs(1)
print(order, visited)
print(len({i % 17 for i in range(1000)}), {i % 4 for i in range(-6, 6)})
