# String building and methods: concatenation, join, split, replace, find,
# upper/lower, formatting, slicing.
words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta']
checksum = 0
for i in range(80000):
    w = words[i % 8]
    s = w.upper() + '-' + str(i) + ':' + w[::-1]
    parts = s.split('-')
    t = '|'.join(parts).replace('A', 'a')
    checksum += len(t) + t.find(':') + t.count('a')
    if t.startswith('ALP') or t.endswith('ahpla'):
        checksum += 1
    checksum += len(f'{i:05d}{w:>8}')
    checksum %= 1000000007
buf = []
for i in range(40000):
    buf.append(str(i * 7))
text = ','.join(buf)
checksum += len(text) + text.count('7') + len(text.split(','))
print(checksum)
