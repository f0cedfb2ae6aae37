for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(-3, 3), range(0, -10, -4)]:
    print(r, list(r), len(r), r.start, r.stop, r.step, bool(r))
r = range(0, 100, 7)
print(r[0], r[-1], r[3], r[2:5], r[::-1], r[::2], r[-3:], 14 in r, 15 in r, r.index(21), r.count(7))
print(range(3) == range(0, 3, 1), range(0) == range(5, 5), range(1, 5, 2) == range(1, 6, 2), list(reversed(range(4))))
print(range(10 ** 20)[-1], len(range(10 ** 6)), range(2 ** 64).stop, 2 ** 63 in range(2 ** 64))
for f in [lambda: range(0, 5, 0), lambda: range(3)[3], lambda: range(3).index(5), lambda: range(1.5), lambda: range(10 ** 30)[10 ** 29], lambda: len(range(2 ** 64))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(sum(range(101)), max(range(-5, 5)), sorted(range(5, 0, -1)), hash(range(3)) == hash(range(0, 3)))
