# ast-args: --mode single -a
x = 1
