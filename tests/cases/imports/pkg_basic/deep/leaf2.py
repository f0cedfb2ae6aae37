from ..sub import func
from .. import sibling
from . import DEEP
LEAF = (func(), sibling.SIB, DEEP, __name__, __package__)
