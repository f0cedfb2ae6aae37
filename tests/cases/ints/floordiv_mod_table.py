for a in [-10, -7, -3, -1, 0, 1, 3, 7, 10]:
    row = []
    for b in [-4, -3, 3, 4]:
        row.append(f'{a // b:3d}{a % b:3d}')
    print(f'{a:4d}', ' '.join(row))
for a in [2 ** 65 + 3, -(2 ** 65) - 3]:
    for b in [7, -7, 2 ** 33, -(2 ** 33)]:
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a)
