import sys
HERE = __file__.rsplit('/', 1)[0]
sys.path.insert(0, HERE + '/lib')


def show(src):
    try:
        exec(src, {'__name__': 'tester'})
    except Exception as e:
        msg = str(e).replace(HERE, '<here>')
        name = getattr(e, 'name', '-')
        print(type(e).__name__ + ':', msg, '| name =', name)


show('import no_such_module_xyz')
show('import pkg_basic.nope')
show('import mod_plain.sub')
show('from mod_plain import nothing_here')
show('from pkg_basic import nope')
show('from . import x')
show('from .m import y')
show('import mod_plain; mod_plain.missing_attr')
show('import circ_a')
print('circ_a' in sys.modules, 'circ_b' in sys.modules)
import circ_ok_a
print(circ_ok_a.get_b(), sys.modules['circ_ok_b'].get_a())
show('import mod_raises')
print('mod_raises' in sys.modules)
show('import mod_raises')
show('from mod_all_bad import *')
show('from mod_all_missing import *')
show('__import__("")')
show('__import__("x", level=-1)')
show('__import__(5)')
show('import pkg_errs.bad_syntax')
show('import pkg_errs.bad_indent')
try:
    import pkg_errs.bad_syntax
except SyntaxError as e:
    print(e.msg, rel if False else e.filename.replace(HERE, '<here>'), e.lineno, e.offset, repr(e.text))
sys.modules['blocked'] = None
show('import blocked')
import mod_self_replace
print(mod_self_replace)
try:
    import no_such_thing
except ModuleNotFoundError as e:
    print(isinstance(e, ImportError), e.name, e.path, e.msg)
try:
    from mod_plain import nope
except ImportError as e:
    print(e.name, e.path.replace(HERE, '<here>'))
import circ_attr_a
print(circ_attr_a.A, circ_attr_a.circ_attr_b.B)
