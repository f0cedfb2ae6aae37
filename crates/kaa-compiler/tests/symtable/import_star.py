from os import *
from .sibling import name
from .. import parent
import a.b.c as abc
