type = int
x = type(3)
