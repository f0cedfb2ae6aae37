# List operations: append, index, slicing, sort with key, comprehensions,
# pop, insert, in.
def run():
    total = 0
    for rep in range(250):
        lst = []
        for i in range(4000):
            lst.append((i * 7919 + rep) % 10007)
        lst.sort()
        total += lst[0] + lst[-1] + lst[len(lst) // 2]
        sq = [x * x for x in lst if x % 3 == 0]
        total += len(sq) + sq[5] % 1000
        keyed = sorted(lst, key=lambda x: -x % 101)
        total += keyed[0] + keyed[100]
        total += lst.index(lst[1000])
        rev = lst[::-1]
        total += rev[3] + len(rev[10:500:3])
        while len(lst) > 3000:
            total += lst.pop()
        lst.insert(0, 5)
        total += (5 in lst) + (100000 in lst[:200])
    return total
print(run())
