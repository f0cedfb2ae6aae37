a = ...
b = None
c = True
d = False
x[...]
