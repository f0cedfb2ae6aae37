parts = ['a', 'bb', 'ccc']
print('-'.join(parts), ''.join(reversed(parts)), '\n'.join(parts).splitlines(), ', '.join(p.upper() for p in parts))
line = '=' * 20
print(line, len(line), '-' * 0, 'ab' * 3 + 'c', ('x' + 'y') * 2)
print(' '.join(str(i) * i for i in range(1, 5)), '|'.join(''), '|'.join('abc'), '|'.join(['solo']))
grid = '\n'.join(''.join('#' if (r + c) % 2 else '.' for c in range(6)) for r in range(3))
print(grid)
