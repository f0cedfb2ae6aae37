# bytearray mutation: item/slice assignment and deletion, the mutating
# methods, += and *=, with CPython's error messages.
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))

ba = bytearray(b'abcdef')
def setitem(k, v):
    def f():
        ba[k] = v
        return ba
    return f
def delitem(k):
    def f():
        del ba[k]
        return ba
    return f
t(setitem(0, 65))
t(setitem(-1, 70))
t(setitem(slice(1, 3), b'XYZ'))
t(setitem(slice(0, 2), [49, 50]))
t(setitem(slice(None, None, 2), b'123'))
t(setitem(slice(None, None, 2), b'1'))
t(setitem(slice(0, 2), 5))
t(setitem(slice(0, 2), 'xy'))
t(setitem(slice(0, 2), [300]))
t(setitem(slice(0, 2), object()))
t(setitem('a', 1))
t(setitem(0, 'a'))
t(setitem(0, 256))
t(setitem(100, 1))
t(setitem(slice(5, 100), memoryview(b'mv')))
t(delitem(0))
t(delitem(slice(None, None, 3)))
t(delitem(100))
t(delitem('x'))
t(lambda: ba.pop(7))
t(lambda: bytearray().pop())
t(lambda: (ba.pop(), ba.pop(0), ba))
t(lambda: ba.insert(1, 300))
t(lambda: (ba.insert(-100, 48), ba.insert(100, 57), ba))
t(lambda: ba.append(-1))
t(lambda: (ba.append(True), ba))
t(lambda: ba.extend(5))
t(lambda: ba.extend('ab'))
t(lambda: ba.extend([1, 'a']))
t(lambda: (ba.extend(x for x in b'gen'), ba))
t(lambda: ba.remove(300))
t(lambda: ba.remove(0x7e))
t(lambda: (ba.reverse(), ba))
c = ba.copy()
t(lambda: (c.clear(), c, ba == c, ba is c))
x = bytearray(b'ab')
y = x
x += b'cd'
x += bytearray(b'e')
x *= 2
print(x, y is x, len(x))
t(lambda: x.__iadd__(1) if False else None)
def iadd():
    global x
    x += 'str'
t(iadd)
t(lambda: hash(bytearray()))
t(lambda: {bytearray(): 1})
t(lambda: iter(bytearray(b'x')).__class__.__name__)
it = iter(bytearray(b'ab'))
print(next(it), list(it))
t(lambda: bytearray(b'a\'"'))
t(lambda: [bytearray(b"x'y"), bytearray(b'x"y'), bytearray(b'\x00\x7f\x80\xff\n\t\r\\')])
t(lambda: str(bytearray(b'q')))
t(lambda: bytearray(b'%d-%s') % (5, b'x'))
t(lambda: b'%s' % bytearray(b'a'))
