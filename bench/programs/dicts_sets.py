# Dict and set heavy code: insert, lookup, update, iteration, membership,
# set algebra.
def run():
    total = 0
    for rep in range(60):
        d = {}
        for i in range(12000):
            d[i * 3 % 7919] = i
        for k in range(0, 7919, 3):
            if k in d:
                total += d[k]
        s1 = set(d)
        s2 = {x * 2 % 7919 for x in range(5000)}
        total += len(s1 & s2) + len(s1 | s2) + len(s1 - s2)
        words = {}
        for i in range(6000):
            key = 'k' + str(i % 997)
            words[key] = words.get(key, 0) + 1
        total += sum(words.values()) + len(words)
        for k, v in list(d.items())[:2000]:
            del d[k]
        total += len(d)
    return total
print(run())
