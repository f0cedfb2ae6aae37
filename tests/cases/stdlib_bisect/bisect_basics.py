import bisect

a = [1, 2, 2, 2, 4, 7, 7, 9]
for x in [0, 1, 2, 3, 4, 7, 8, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3))
print(bisect.bisect_left(a, 7, hi=5), bisect.bisect_right(a, 7, lo=6, hi=None))
print(bisect.bisect_left(a, 7, 3, -1), bisect.bisect_right(a, 1, 3, -5))
print(bisect.bisect_left([], 5), bisect.bisect_right([], 5))
print(bisect.bisect_left(a, 2, 20), bisect.bisect_right(a, 2, 5, 2))

recs = [('ann', 31), ('bob', 25), ('cy', 40)]
recs.sort(key=lambda r: r[1])
print(bisect.bisect_left(recs, 30, key=lambda r: r[1]))
print(bisect.bisect_right(recs, 40, key=lambda r: r[1]))
bisect.insort(recs, ('dee', 30), key=lambda r: r[1])
bisect.insort_left(recs, ('eve', 40), key=lambda r: r[1])
bisect.insort_right(recs, ('fay', 25), key=lambda r: r[1])
print(recs)

b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(b, x)
print(b)
c = [1.0, 2.0]
bisect.insort_left(c, 1)
bisect.insort_right(c, 2)
print(c)
bisect.insort(c, 0, 0, 1)
print(c)

grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])

print(bisect.bisect_left('acegi', 'f'), bisect.bisect_right(range(0, 20, 2), 7))

class Seq:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def insert(self, i, x):
        print('insert', i, x)
        self.items.insert(i, x)

s = Seq()
for x in [3, 1, 2]:
    bisect.insort(s, x)
print(s.items)

for call in [lambda: bisect.bisect_left(a, 1, -1),
             lambda: bisect.insort(a, 1, lo=-2),
             lambda: bisect.bisect_right(a, 'x'),
             lambda: bisect.bisect(None, 1)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
