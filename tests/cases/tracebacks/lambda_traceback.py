ops = [lambda x: x + 1, lambda x: x.upper()]
print(ops[0](1))
print(ops[1](5))
