f(*a, b)
f(a=1, *b)
f(**k, c=1)
