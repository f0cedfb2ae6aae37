calls = []
def f(v):
    calls.append(v)
    return v
print(f(1) < f(2) < f(3), calls)
calls.clear()
print(f(3) < f(2) < f(1), calls)
calls.clear()
print(f(1) == f(1) != f(2) is not f(None), calls)
a = 5
print(0 < a < 10, 0 < a > 10, 1 <= a <= 5 < 6, a == 5 == 5.0, 3 < a in [5, 6], a is a is not None)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 < 2 < 5, [] == [] != [1])
print(sorted([(1 < x < 4) for x in range(6)]), [x for x in range(10) if 2 < x <= 6])
