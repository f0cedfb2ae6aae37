# -*- coding: latin-1 -*-
def f(é):
    return lambda: é
