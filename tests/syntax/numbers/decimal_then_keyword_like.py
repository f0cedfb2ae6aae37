x = 1if True else 2 and 5abc
