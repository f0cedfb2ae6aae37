# marshal.dumps gives CPython's bytes (FLAG_REF and back-references
# included); loads reads them back; errors as CPython.
import marshal

print(marshal.version)


def show(v):
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(repr(v)[:50], data.hex(), back == v, type(back).__name__)


x = [1, 2]
s = "shared text"
values = [
    None, True, False, ..., StopIteration,
    0, 1, -1, 256, -5, 2**31 - 1, -2**31, 2**31, 2**40, -2**63, 2**64, 2**100, -(2**200),
    0.0, -0.0, 1.5, 1e300, float("inf"), -float("inf"),
    1j, 2.5 - 1j, complex(-0.0, 0.0),
    "", "a", " ", "+", "abc", "hello world", "é", "snowman \u2603", "\U0001f600", "x" * 60, "y z" * 100,
    b"", b"a", b"bytes\x00\xff", bytearray(b"ba"),
    (), (1,), (1, "a", None), tuple(range(300)),
    [], [1, 1], [x, x], [[1]], [s, s, s],
    {}, {"a": 1}, {"k": [x, x], "j": (s, s)},
    set(), {1, 2, 3}, {"b", "a", "c"}, frozenset(), frozenset({3, 1, 2}), frozenset({"x", "yy"}),
    x, s,
]
for v in values:
    show(v)

# Computed values are held once.
show([str(12) * 3])
show({str(i + 10): i for i in range(3)})
show(tuple(str(i * 7 + 10) for i in range(3)))

# Identity is kept for shared containers read back.
y = marshal.loads(marshal.dumps([x, x]))
print(y, y[0] is y[1])

# Versions.
for version in range(5):
    print(version, marshal.dumps(("ab", 1.5, 1.5j, [x, x]), version).hex())

# Errors.
for bad in [b"", b"i\x01", b"\x99", b"(\x05\x00\x00\x00", b"r\x00\x00\x00\x00",
            b"l\x02\x00\x00\x00\x01\x00", b"u\x03\x00\x00\x00\xff\xfe\xfd", b"[\xff\xff\xff\xff"]:
    try:
        print(marshal.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [object(), [1, object()], {1: print}, range(3), 1 + 0j if False else type]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    marshal.loads("text")
except TypeError as e:
    print("TypeError", e)
print(marshal.loads(b"i\x05\x00\x00\x00trailing"))
print(marshal.loads(memoryview(b"N")), marshal.loads(bytearray(b"T")))

# Deep nesting.
deep = []
for i in range(2100):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print("ValueError", e)
