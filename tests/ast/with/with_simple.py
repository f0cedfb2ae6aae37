with a:
    pass
with a as b:
    pass
