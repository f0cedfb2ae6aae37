# ast-args: -i -3 -a
x = [1, 2]
