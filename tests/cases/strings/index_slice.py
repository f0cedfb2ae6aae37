s = 'Hello, World!'
print(s[0], s[-1], s[7], s[-6], s[0:5], s[7:], s[:-1], s[::2], s[::-1], s[1:10:3], s[-3:-10:-2])
print(s[100:], s[-100:3], s[5:2], s[::-3], len(s), s[len(s) - 1])
try:
    s[13]
except IndexError as e:
    print('IndexError:', e)
try:
    s['a']
except TypeError as e:
    print('TypeError:', e)
try:
    s[0] = 'h'
except TypeError as e:
    print('TypeError:', e)
u = 'añ日本\U0001f600z'
print(len(u), u[2], u[4], u[::-1], u[1:4], [c for c in u][-2] == '\U0001f600')
print(list('abc'), tuple('xy'), [ord(c) for c in 'Az~'])
print(s[slice(2, 8, 2)], s[slice(None, None, -1)][:3])
