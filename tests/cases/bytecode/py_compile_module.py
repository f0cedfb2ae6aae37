# py_compile and compileall as modules. Every pyc goes under /tmp (cfile=
# or sys.pycache_prefix), never into the source tree.
import sys
import py_compile
import compileall

sys.pycache_prefix = "/tmp/kaa-case-pycache"
TAG = sys.implementation.cache_tag
SRC = "tests/cases/bytecode/pycsrc"
OUT = "/tmp/kaa-case-pyc"

M = py_compile.PycInvalidationMode
print(M.TIMESTAMP, M.CHECKED_HASH, M.UNCHECKED_HASH)
print(M.TIMESTAMP.name, M.TIMESTAMP.value, M.UNCHECKED_HASH.value)

for mode in [None, M.TIMESTAMP, M.CHECKED_HASH, M.UNCHECKED_HASH]:
    print(py_compile.compile(SRC + "/good.py", cfile=OUT + "/kaa_case_good.pyc",
                             invalidation_mode=mode))
c = py_compile.compile(SRC + "/good.py")
print(c.replace(TAG, "TAG").endswith("/bytecode/pycsrc/good.TAG.pyc"), c.startswith("/tmp/kaa-case-pycache/"))
c = py_compile.compile(SRC + "/good.py", optimize=2)
print(c.replace(TAG, "TAG").endswith("/bytecode/pycsrc/good.TAG.opt-2.pyc"))

print(py_compile.compile(SRC + "/bad.py", cfile=OUT + "/bad.pyc"))
print(py_compile.compile(SRC + "/bad.py", cfile=OUT + "/bad.pyc", quiet=2))
try:
    py_compile.compile(SRC + "/bad.py", cfile=OUT + "/bad.pyc", doraise=True)
except py_compile.PyCompileError as e:
    print("PyCompileError", e.exc_type_name, type(e.exc_value).__name__, e.file)
    print(e.msg, end="")
    print(str(e) == e.msg, isinstance(e, Exception))
try:
    py_compile.compile(SRC + "/missing.py", cfile=OUT + "/missing.pyc")
except OSError as e:
    print(type(e).__name__, e)
try:
    py_compile.compile(SRC + "/good.py", cfile=SRC)
except FileExistsError as e:
    print("FileExistsError", e)

# The pyc imports sourcelessly.
sys.path.insert(0, OUT)
py_compile.compile(SRC + "/good.py", cfile=OUT + "/kaa_case_good.pyc")
import kaa_case_good
print(kaa_case_good.f(), kaa_case_good.X)

print(compileall.compile_dir(SRC, force=True))
print(compileall.compile_dir(SRC, force=True, quiet=1))
print(compileall.compile_dir(SRC, force=True, quiet=2))
print(compileall.compile_dir(SRC, maxlevels=0, force=True))
print(compileall.compile_file(SRC + "/good.py", force=True))
print(compileall.compile_file(SRC + "/bad.py", force=True, ddir="/virtual"))
print(compileall.compile_file(SRC + "/sub/leaf.py", force=True, legacy=False, optimize=[1, 2]))
print(compileall.compile_dir(SRC + "/nothing-here", force=True))
try:
    compileall.compile_dir(SRC, ddir="x", stripdir="y")
except ValueError as e:
    print("ValueError", e)
