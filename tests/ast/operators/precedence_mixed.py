not a == b
a < b and c or not d
x if a or b else y
lambda: a if b else c
