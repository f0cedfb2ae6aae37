log = []
def src(name, n):
    for i in range(n):
        log.append(f'{name}{i}')
        yield i
res = [(a, b) for a in src('a', 2) for b in src('b', 2)]
print(res)
print(log)
log.clear()
g = ((a, b) for a in src('a', 2) for b in src('b', a + 1))
print(log)
print(list(g))
print(log)
