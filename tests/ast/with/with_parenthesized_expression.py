with (yield):
    pass
with (a):
    pass
