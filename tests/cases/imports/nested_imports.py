import sys
import pkg_dir.b
print(pkg_dir.NAMES)
print(pkg_dir.b.alias is pkg_dir.a, pkg_dir.b.a is pkg_dir.a)


def f():
    import pkg_dir.sub.c
    return pkg_dir.sub.c.VALUE, 'pkg_dir' in dir()


print(f(), 'pkg_dir' in dir())
del sys.modules['pkg_dir.b']
import pkg_dir.b as b2
print(b2 is pkg_dir.b, b2.x)
try:
    import pkg_dir.a.zzz
except ImportError as e:
    print(type(e).__name__, e)
try:
    import pkg_dir.sub.beyond
except ImportError as e:
    print(type(e).__name__, e)
print('pkg_dir.sub.beyond' in sys.modules)
try:
    import nonexistent_mod_q
except ImportError as e:
    print(type(e).__name__, e, e.name)


def g():
    exec('def h():\n    return 1/0\nh()')


g()
