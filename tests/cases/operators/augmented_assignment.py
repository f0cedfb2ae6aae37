x = 5
x += 3; x -= 1; x *= 2; x //= 3; x **= 2; x %= 7
print(x)
s = 'ab'
s += 'cd'; s *= 2
print(s)
l = [1]
l2 = l
l += [2]
l *= 2
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {'k': 1}
d['k'] += 10
d['k'] <<= 2
print(d)
a = [[0, 1], [2, 3]]
a[1][0] -= 5
a[0][1] |= 6
print(a)
class Obj:
    pass
o = Obj()
o.v = 1
o.v += 41
print(o.v)
f = 1.5
f /= 2; f -= 0.25; f **= 3
print(f)
b = 0b1100
b &= 0b1010; b ^= 0b1; b >>= 1
print(b)
calls = []
def idx():
    calls.append('idx')
    return 0
arr = [10]
arr[idx()] += 1
print(arr, calls)
st = {1}
st |= {2}; st &= {2, 3}; st -= {9}; st ^= {4}
print(st)
