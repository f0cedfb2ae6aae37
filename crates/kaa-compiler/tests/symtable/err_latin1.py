# -*- coding: latin-1 -*-
def f(é):
    s = "éé"; global é
