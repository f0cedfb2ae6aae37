# -*- coding: latin-1 -*-
s = 'été'
nameé = 1
