zs = [1 + 1j, -2 + 0.5j, 3j, 2]
for a in zs:
    print(a, [a + b for b in zs], [a * b for b in zs])
print([round(abs(z), 6) for z in zs], [z.conjugate() for z in zs])
print((1 + 2j) / (3 - 4j), (1 + 2j) ** 3, (1j) ** 0.5, (-1) ** 0.5, 1j ** 1j)
