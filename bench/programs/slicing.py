# Slicing and sequence operations: slices with steps and negative bounds
# on lists, tuples and strings, slice assignment and deletion, extend,
# concatenation and repetition, in/index/count, reversed, comparisons.
def run(n):
    total = 0
    base = list(range(n))
    text = "".join(chr(97 + i % 26) for i in range(n))
    tup = tuple(base)
    for i in range(1, 200):
        a = base[i:i + 50]
        b = base[-i - 20:-i]
        c = base[::i % 7 + 1]
        d = base[i * 3::-3]
        total += len(a) + sum(b) + len(c) + len(d) + a[-1] - b[0]
        s = text[i:i * 2]
        t = text[::-(i % 5 + 1)]
        total += len(s) + len(t) + t.count("a") + (s in text)
        u = tup[i:i + 30:2] + tup[:3] * 2
        total += len(u) + u.index(tup[i]) + u.count(0)
    work = list(range(2000))
    for i in range(1, 400):
        lo = (i * 37) % 1500
        work[lo:lo + 5] = [i, i + 1, i + 2]
        del work[lo + 1:lo + 3]
        work[lo:lo] = [-i] * 4
        work[::97] = [i] * len(work[::97])
        if i % 3 == 0:
            work.extend(work[-10:])
        total += len(work) + work[lo] + work[-1]
    work2 = work[:]
    work2.reverse()
    total += (work2 == work[::-1]) + (work[:100] < work2[:100]) + sum(reversed(work[:50]))
    total += (base[10:20] == list(range(10, 20))) + (tup[5:9] == (5, 6, 7, 8))
    return total


checksum = 0
for rep in range(110):
    checksum += run(3000 + rep)
print(checksum)
