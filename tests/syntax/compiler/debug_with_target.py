with open(f) as (a, __debug__):
    pass
