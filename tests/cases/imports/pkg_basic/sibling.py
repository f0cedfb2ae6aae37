from . import sub
from .sub import func as f2
SIB = 'sibling sees ' + f2()
