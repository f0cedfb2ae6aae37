# ast-args: --mode single
1 + 1
