# ast-args: --mode single
if x:
    y = 1

