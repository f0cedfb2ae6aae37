import importlib
import sys
m = importlib.import_module('pkg_dir.a')
print(m.__name__, m.fa(), sys.modules['pkg_dir.a'] is m)
m2 = importlib.import_module('.sub', 'pkg_dir')
print(m2.__name__)
m3 = importlib.import_module('..a', 'pkg_dir.sub')
print(m3 is m)
for args in [('.x',), ('nope_mod',), ('',), ('pkg_dir.nope',)]:
    try:
        importlib.import_module(*args)
    except Exception as e:
        print(type(e).__name__, e)
importlib.invalidate_caches()
print(importlib.__name__, callable(importlib.import_module))
