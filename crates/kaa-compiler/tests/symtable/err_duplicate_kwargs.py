def f(posonly, /, **posonly): pass
