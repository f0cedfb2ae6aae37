import sys


class Replacement:
    def __repr__(self):
        return '<Replacement>'


sys.modules[__name__] = Replacement()
