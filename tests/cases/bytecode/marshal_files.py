# marshal.dump/load with file-like objects, and code objects.
import marshal


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, b):
        self.parts.append(bytes(b))
        return len(b)


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n=-1):
        if n < 0:
            n = len(self.data) - self.pos
        r = self.data[self.pos:self.pos + n]
        self.pos += len(r)
        return r

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

    def seek(self, off, whence=0):
        self.pos = off if whence == 0 else self.pos + off
        return self.pos


w = Writer()
print(marshal.dump([1, "two", 3.0], w))
marshal.dump({"k": (1, 2)}, w)
marshal.dump(12345, w, 2)
print([p.hex() for p in w.parts])
r = Reader(b"".join(w.parts))
print(marshal.load(r), marshal.load(r), marshal.load(r))
try:
    marshal.load(r)
except EOFError as e:
    print("EOFError", e)


class NoReadinto:
    def read(self, n=-1):
        return b""


try:
    marshal.load(NoReadinto())
except AttributeError as e:
    print("AttributeError", e)


class BadRead:
    def read(self, n=-1):
        return "str"


try:
    marshal.load(BadRead())
except TypeError as e:
    print("TypeError", e)

# Code objects round trip and run.
src = '''
def greet(name, punct="!"):
    return "hello " + name + punct
result = [greet(n) for n in ("a", "b")]
class K:
    def m(self):
        return {1, 2} | {3}
'''
code = compile(src, "mod.py", "exec")
data = marshal.dumps(code)
print(len(data), data.hex())
back = marshal.loads(data)
print(back == code, back.co_filename, back.co_names)
ns = {}
exec(back, ns)
print(ns["result"], ns["K"]().m())
print(marshal.dumps([code, code]).hex())
f = compile("lambda x: x + 1", "lam.py", "eval")
print(marshal.dumps(f).hex())
