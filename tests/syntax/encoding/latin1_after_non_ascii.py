# -*- coding: latin-1 -*-
s = 'éé' + )
