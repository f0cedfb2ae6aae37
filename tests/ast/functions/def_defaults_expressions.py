def f(a=[], b={}, c=lambda: 0, d=(1, 2)):
    pass
