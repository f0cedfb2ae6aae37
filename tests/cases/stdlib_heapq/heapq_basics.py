import heapq
import random

rng = random.Random(7)
data = [rng.randrange(100) for _ in range(40)]
h = []
for x in data:
    heapq.heappush(h, x)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out == sorted(data))

h = list(data)
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 50), h)
print(heapq.heappushpop(h, 1), h)
print(heapq.heappushpop(h, 60), h)
print(heapq.heappushpop([], 3))
for n in range(0, 12, 3):
    h = [rng.random() for _ in range(n)]
    heapq.heapify(h)
    print(h)

# equal keys: tuples show stability of the layout
h = []
for i, x in enumerate([3, 1, 3, 1, 2, 2, 3]):
    heapq.heappush(h, (x, i))
print(h)
print([heapq.heappop(h) for _ in range(len(h))])

print(heapq.nsmallest(3, data), heapq.nlargest(3, data))
print(heapq.nsmallest(0, data), heapq.nlargest(-1, data))
print(heapq.nsmallest(100, [3, 1, 2]), heapq.nlargest(1, iter([3, 9, 2])))
words = ['pear', 'fig', 'apple', 'kiwi', 'plum', 'banana', 'date']
print(heapq.nsmallest(3, words, key=len), heapq.nlargest(3, words, key=len))
print(heapq.nlargest(2, words, key=lambda w: w[-1]))

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 6])))
print(list(heapq.merge()))
print(list(heapq.merge([], [1], [])))
print(list(heapq.merge(['a', 'BB'], ['ccc', 'D'], key=str.lower)))
print(list(heapq.merge([7, 5, 1], [8, 2, 0], reverse=True)))
print(list(heapq.merge(['dd', 'a'], ['ccc', 'bb', 'b'], key=len, reverse=True)))
pairs = list(heapq.merge([(1, 'a'), (2, 'a')], [(1, 'b'), (2, 'b')], key=lambda p: p[0]))
print(pairs)
m = heapq.merge([1, 2], [3])
print(next(m), list(m))

for f, args in [(heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)),
                (heapq.heappush, ((), 1)), (heapq.heapify, ((1, 2),)),
                (heapq.heappop, (None,))]:
    try:
        f(*args)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    heapq.heappush([1], 'x')
except TypeError as e:
    print('TypeError', e)
