for n in [0, 1, 35, 36, 255, 1000, -1000, 2 ** 64]:
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    out = []
    for base in [2, 3, 7, 16, 36]:
        m, s = abs(n), ''
        while m:
            s = digits[m % base] + s
            m //= base
        s = s or '0'
        if n < 0:
            s = '-' + s
        out.append(s)
        assert int(s, base) == n
    print(n, out)
print(int('zz', 36), int('-ZZ', 36), int('0b_1_0', 0), int('0o_7', 0), int('0X_F', 0))
