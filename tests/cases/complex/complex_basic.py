z = 3 + 4j
w = 1 - 2j
print(z, w, z + w, z - w, z * w, z / w)
print(z.real, z.imag, z.conjugate(), abs(z), -z, +z)
print(z == 3 + 4j, z != w, z == complex(3, 4), 1j * 1j, 1j ** 2)
print(complex(), complex(1), complex(1.5, -2), complex('1+2j'), complex(' 3-4.5j '), complex('j'), complex('-1.5e2j'))
print(repr(1j), repr(-1j), repr(0j), repr(-0j), repr(complex(0, -0.0)), repr(complex(-0.0, 0)))
print(repr(complex(1e300, 1e-300)), repr(complex(float('inf'), float('nan'))), 2j, 1 + 0j)
print(z ** 2, z ** 0.5, (1 + 1j) ** 10, 2 ** (1j))
print(hash(1 + 0j) == hash(1), hash(3 + 4j), hash(1j))
print(type(z).__name__, isinstance(z, complex), complex(2) == 2, 2.0 == complex(2, 0))
try:
    z < w
except TypeError as e:
    print('TypeError:', e)
try:
    z / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    complex('1+')
except ValueError as e:
    print('ValueError:', e)
try:
    z // 2
except TypeError as e:
    print('TypeError:', e)
