# ast-args: -i1 -a
if a:
    b()
