a = [5, 2, 8, 1, 9, 3]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ['banana', 'Apple', 'cherry', 'date', 'Elderberry', 'fig', 'apple']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, 'b'), (0, 'z'), (1, 'a'), (0, 'a'), (2, 'c')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1], reverse=True))
recs = [('x', 3), ('y', 1), ('z', 3), ('w', 1), ('v', 2)]
recs.sort(key=lambda r: r[1])
print(recs)
recs.sort(key=lambda r: r[1], reverse=True)
print(recs)
print(sorted([3.5, 1, 2.25, -1, True, 0]), sorted('hello'), sorted((3, 1, 2)), sorted({3: 'a', 1: 'b'}))
big = [(i * 7919) % 1009 for i in range(200)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(s), len(s))
try:
    [1, 'a'].sort()
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([1, 2], key=1)
except TypeError as e:
    print('TypeError:', e)
print(sorted([], reverse=True), sorted([[2, 1], [1, 2], [1]]), sorted([-3, 2, -1], key=abs))
