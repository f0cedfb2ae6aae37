with f() as (a, b):
    pass
with f() as [c, d]:
    pass
