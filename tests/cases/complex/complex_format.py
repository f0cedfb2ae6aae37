z = 1.23456 - 7.5j
print(format(z), format(z, '.2f'), format(z, '>20'), format(z, '+.3e'), f'{z:^30.1f}|')
print(f'{1j:g}', f'{(1 + 1j):}', f'{(-0.0 - 1j)}', str(complex(1, 0)), str(complex(0, 1)))
print('%s %r' % (z, z))
print(complex(2, 3).__repr__(), (2 + 3j).__str__())
print([1j, 2 + 0j, complex(0.1, 0.2) * 3])
print(abs(3 - 4j), abs(complex(1e200, 1e200)), abs(-1j))
