for f in [lambda: b'a' + 'b', lambda: bytes('abc'), lambda: bytes([256]), lambda: bytes([-1]), lambda: b'abc'[5], lambda: bytes.fromhex('zz'), lambda: b'\xff'.decode(), lambda: 'a' in b'abc', lambda: b'a' < 'a', lambda: bytes(-1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
try:
    b = b'abc'
    b[0] = 1
except TypeError as e:
    print('TypeError:', e)
