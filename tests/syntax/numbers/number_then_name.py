x = 3 in[1, 2]
y = 2if x else 3
z = 0x1for
