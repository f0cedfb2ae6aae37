for x in (1, 2):
    print('tuple', x)
for ch in 'hi':
    print('str', ch)
for k in {'a': 1}:
    print('dict', k)
for k, v in {'b': 2}.items():
    print('items', k, v)
for n in {7}:
    print('set', n)
for b in b'AB':
    print('bytes', b)
for i in range(2, 0, -1):
    print('range', i)
for line in 'x\ny'.splitlines():
    print('lines', line)
for a, (b, c) in [(1, (2, 3))]:
    print('nested', a, b, c)
for _ in iter([]):
    print('never')
