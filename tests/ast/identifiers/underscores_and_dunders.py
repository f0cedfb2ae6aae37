_ = 1
__x = 2
__init__ = 3
_private_ = 4
