from __future__ import division, print_function, generators
x = 1 / 2
