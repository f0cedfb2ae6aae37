# memoryview over bytes and bytearray: indexing, slicing (views that
# write through), tobytes/tolist/hex/cast/release, attributes, errors.
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r) if not isinstance(r, memoryview) else ('mv', r.tolist()))

m = memoryview(b'abcdef')
t(lambda: (len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[::-1].tobytes()))
t(lambda: (m.format, m.itemsize, m.nbytes, m.readonly, m.shape, m.ndim, m.strides))
t(lambda: (m.obj, m.contiguous, m.c_contiguous, bytes(m[2:]), list(m[:2]), m.hex(), m.hex(':')))
t(lambda: m[6])
t(lambda: m['x'])
def ro():
    m[0] = 1
t(ro)
t(lambda: (m == b'abcdef', m == bytearray(b'abcdef'), m[:2] == b'ab', m != b'x', m == 'abcdef'))
t(lambda: m < m)
t(lambda: hash(m) == hash(b'abcdef'))
buf = bytearray(b'hello')
w = memoryview(buf)
w[0] = 72
w[1:3] = b'EL'
print(buf, w.readonly, w.tobytes())
def bad(k, v):
    def f():
        w[k] = v
    return f
t(bad(0, 256))
t(bad(0, 'a'))
t(bad(slice(0, 2), b'xyz'))
t(bad(9, 1))
t(lambda: hash(w))
sub = w[1:4]
sub[0] = 0x65
print(buf, sub.tobytes(), sub.nbytes)
t(lambda: w.cast('c')[0])
t(lambda: w.cast('b').tolist())
t(lambda: w.toreadonly().readonly)
t(lambda: memoryview('str'))
t(lambda: memoryview(5))
with memoryview(b'ctx') as cm:
    print(cm.tobytes(), cm[0])
t(lambda: cm.tobytes())
t(lambda: len(cm))
t(lambda: cm[0])
r = memoryview(b'xy')
r.release()
r.release()
print(repr(r).startswith('<released memory at 0x'), repr(memoryview(b'')).startswith('<memory at 0x'))
t(lambda: r == r)
t(lambda: memoryview(memoryview(b'nested')).tobytes())
t(lambda: (list(memoryview(b'it')), bytearray(memoryview(b'ba')), b''.join([memoryview(b'j'), b'k'])))
t(lambda: type(iter(memoryview(b'x'))).__name__)
