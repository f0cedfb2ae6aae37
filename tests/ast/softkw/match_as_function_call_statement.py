match(a, b)
match = [1]
match[0] = 2
