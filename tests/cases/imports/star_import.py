import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/lib')
from mod_star import *
print(pub1, pub2, pubf())
print('_priv' in dir())
from pkg_star import *
print(a, sub_listed.X)
print('b' in dir())


def f():
    exec('from mod_star import *')
    return 'done'


print(f())
ns = {}
exec('from mod_star import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))
