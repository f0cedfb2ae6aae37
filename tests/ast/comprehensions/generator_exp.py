(x for x in y)
g = (x for x in y if x > 0)
