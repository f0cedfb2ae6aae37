# ast-args:
x = 1
