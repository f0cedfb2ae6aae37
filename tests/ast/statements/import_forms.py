import os
import os.path
import a.b.c as d, e
from . import x
from .. import y as z
from .mod import (a, b as c,)
from pkg.sub import *
