import os
import os.path as osp
import xml.dom.minidom
from collections import OrderedDict as OD, deque
x = 1
y = x + len([])
del y
z += 1
a, (b, *c) = 1, (2, 3)
print(os, osp, xml, OD, deque, a, b, c, __name__, __debug__)
