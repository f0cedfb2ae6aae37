del x
del a, b
del obj.attr, seq[0], seq[1:2]
del (c, d), [e]
