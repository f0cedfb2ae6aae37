from . import a
from .a import fa
NAMES = dir()
