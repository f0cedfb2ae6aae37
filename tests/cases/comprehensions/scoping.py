x = 10
print([x for _ in range(2)], [x + i for i in range(3)])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    y = 5
    try:
        bad = [y for _ in range(2)]
    except NameError as e:
        err = str(e)
print(C.doubled, C.err)
def f():
    n = 3
    return [n * i for i in range(n)], {i: n for i in range(2)}, list(n + i for i in range(2))
print(f())
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print([(lambda k=k: k)() for k in range(3)])
i = 'untouched'
[i for i in range(5)]
print(i)
gen = ((a, b) for a in range(2) for b in range(a, 2))
print(list(gen))
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
print([[(i, j) for j in range(2)] for i in range(2)])
