match = 1
case = 2
match.attr
match[0]
match(x)
_ = 3
print(match, case, _)
