assert x
assert x, 'message'
assert (a, b)
