import pkg_dir.a as alias
from pkg_dir import a
x = 1
