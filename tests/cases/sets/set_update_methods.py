s = {1, 2, 3}
s.update([3, 4], (5,), {6: 'x'})
print(s)
s.difference_update([1, 2], {6})
print(s)
s.intersection_update({3, 4, 5, 7}, range(4, 10))
print(s)
s.symmetric_difference_update({5, 8})
print(s)
s.add(4)
s.discard(100)
print(s, s.pop(), s)
t = {'x'}
t |= set('yz')
t -= {'y'}
t &= {'x', 'z', 'w'}
t ^= {'q'}
print(sorted(t))
