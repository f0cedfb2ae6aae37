for a in [2, 2.5, True, 3 + 0j]:
    for b in [1j, 2 - 1j]:
        print(a, b, a + b, a * b, a - b, a / b)
print(sum([1j, 2, 3.5, 1 - 1j]))
print((1 + 2j) * 0, 0 * (1 + 2j), (1 + 2j) ** 0, 0j ** 0)
print(1j.real, 1j.imag, (5).imag, (5.0).imag)
try:
    0j ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(pow(1j, 2), pow(2, 1j).real)
