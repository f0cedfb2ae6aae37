a < b <= c > d >= e == f != g
x is y is not z
a in b not in c
