import sys
print(sys.version_info, sys.version_info[:2], sys.version_info >= (3, 8))
print(sys.version_info.major, sys.version_info.minor, sys.version_info.releaselevel)
a, b, *rest = sys.version_info
print(a, b, rest, sys.version_info == (3, 11, 7, 'final', 0), len(sys.version_info))
print(type(sys.version_info).__mro__[1:], isinstance(sys.version_info, tuple))
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0])
print(sys.hexversion, sys.api_version, sys.float_repr_style, sys.maxunicode)
print(sys.intern('ab'), sys.maxsize, sys.byteorder)
try:
    sys.intern(1)
except TypeError as e:
    print(e)
print(sys.dont_write_bytecode, sys.pycache_prefix)
print(sys.path[0] == __file__.rsplit('/', 1)[0], type(sys.path).__name__)
print(type(sys.modules).__name__, sys.modules['sys'] is sys, sys.modules['__main__'].__name__)
print('sys' in sys.builtin_module_names, type(sys.builtin_module_names).__name__)
print(sys.argv[0] == __file__)
main = sys.modules['__main__']
print(main.__file__ == __file__, main.__package__, main.__spec__)
import builtins
print(builtins.print is print, builtins.__name__)
