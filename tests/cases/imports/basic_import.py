import sys
HERE = __file__.rsplit('/', 1)[0]
sys.path.insert(0, HERE + '/lib')


def rel(p):
    return p.replace(HERE, '<here>') if isinstance(p, str) else p


import mod_plain
print(mod_plain.VALUE, mod_plain.double(21), mod_plain.Thing(), mod_plain.__doc__)
print(repr(mod_plain).replace(HERE, '<here>'))
print(mod_plain.__name__, repr(mod_plain.__package__), rel(mod_plain.__file__))
print(rel(mod_plain.__cached__).split('.')[0])
import mod_plain as again
print(again is mod_plain, sys.modules['mod_plain'] is mod_plain)
from mod_plain import double, VALUE as V
print(double(5), V)
import pkg_basic.sub
print(pkg_basic.sub.func(), pkg_basic.PKG_CONST)
print([rel(p) for p in pkg_basic.__path__], rel(pkg_basic.__file__), pkg_basic.__package__)
print('sub' in dir(pkg_basic), pkg_basic.sub.__package__, pkg_basic.sub.__name__)
import pkg_basic.sub as s2
print(s2 is pkg_basic.sub)
from pkg_basic import sub, sibling
print(sibling.SIB)
from pkg_basic.deep.leaf2 import LEAF
print(LEAF)
print(sorted(k for k in sys.modules if k.startswith('pkg_basic')))
print(sorted(k for k in vars(mod_plain) if k.startswith('__')))
print(type(mod_plain).__name__, type(mod_plain.__builtins__).__name__)
print(sys, repr(sys.modules['builtins']))
print('sys' in sys.builtin_module_names, 'builtins' in sys.builtin_module_names)
import ns_pkg.inner.mod
print(ns_pkg.inner.mod.WHERE, ns_pkg.__file__, [rel(p) for p in ns_pkg.__path__])
print(repr(ns_pkg.inner.mod).replace(HERE, '<here>'))
m = __import__('pkg_basic.sub')
print(m.__name__)
m = __import__('pkg_basic.sub', fromlist=['func'])
print(m.__name__)
m = __import__('pkg_basic', globals(), None, ['deep'], 0)
print(m.__name__, m.deep.DEEP)
print(__name__, __package__, __spec__)
