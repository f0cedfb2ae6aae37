# Deleting module attributes, builtins included.
import builtins, sys
builtins.zz = 1
print(zz)
del builtins.zz
try:
    zz
except NameError as e:
    print(e)
sys.foo = 2
del sys.foo
print(hasattr(sys, "foo"))
try:
    del sys.nonexist
except AttributeError as e:
    print(e)
