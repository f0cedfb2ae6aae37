a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [10]), a.intersection(b, {5}), a.difference([1], (2,)), a.symmetric_difference(range(3, 8)))
print(a <= a, a < a, {1} < a, a >= {1, 2}, a > a, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({9}))
print(a == {5, 4, 3, 2, 1}, a != b, {1, 2} == frozenset({1, 2}))
c = set(a)
c |= {100}
c &= {1, 2, 100}
c -= {2}
c ^= {7, 1}
print(c)
c.update([8, 9], {10})
c.intersection_update(range(9, 200))
print(c)
c.difference_update({9})
c.symmetric_difference_update({11})
print(c, c.pop() in {10, 11, 100}, len(c))
c.clear()
print(c, len(c))
s = {1, 2}
s2 = s.copy()
s2.add(3)
print(s, s2, 2 in s, 3 not in s)
