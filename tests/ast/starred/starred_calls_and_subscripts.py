f(*a, *b)
print(*[1], *(2,), sep='')
