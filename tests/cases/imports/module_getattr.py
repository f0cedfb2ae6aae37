import sys
sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/lib')
import mod_getattr
print(mod_getattr.X, mod_getattr.dynamic)
from mod_getattr import dynamic
print(dynamic, getattr(mod_getattr, 'nothing', 'default'), hasattr(mod_getattr, 'dynamic'))
try:
    mod_getattr.nothing
except AttributeError as e:
    print(e)
try:
    from mod_getattr import nothing
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
