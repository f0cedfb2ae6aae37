# LOAD_GLOBAL's cache: rebinding, adding, deleting and shadowing globals and
# builtins between calls of the same code must always see the current value.
def get_x():
    return x

def get_len():
    return len

x = 1
print(get_x())
x = 2                       # store to an existing key: same keys version
print(get_x())
del x                       # deletion invalidates
try:
    get_x()
except NameError as e:
    print("NameError:", e)
x = 3                       # re-added
print(get_x())

print(get_len() is len)
len = lambda s: 42           # a global shadows the builtin
print(get_len()([1, 2]))
del len                      # back to the builtin
print(get_len()([1, 2]))

import builtins
builtins.myname = "from builtins"
def get_myname():
    return myname
print(get_myname())
builtins.myname = "changed"
print(get_myname())
vars(builtins).pop("myname")
try:
    get_myname()
except NameError as e:
    print("NameError:", e)

# Many new globals (the globals dict resizes) between lookups.
for i in range(100):
    globals()["g%d" % i] = i
print(get_x(), g99)

# The same code run with two different globals dicts.
src = "def f():\n    return y\n"
d1 = {"y": "one"}
d2 = {"y": "two"}
exec(src, d1)
exec(src, d2)
code_f = d1["f"]
print(d1["f"](), d2["f"]())
d1["y"] = "uno"
print(d1["f"](), d2["f"]())
del d2["y"]
try:
    d2["f"]()
except NameError as e:
    print("NameError:", e)
print(d1["f"]())

# A function whose global is deleted in a loop.
def counter():
    total = 0
    for _ in range(3):
        total += step
    return total
step = 5
print(counter())
globals().pop("step")
try:
    counter()
except NameError as e:
    print("NameError:", e)
