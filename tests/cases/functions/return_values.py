def none_implicit():
    pass
def none_explicit():
    return
def multiple():
    return 1, 'two', [3]
def early(n):
    if n < 0:
        return 'negative'
    for i in range(n):
        if i * i > n:
            return i
    return None
print(none_implicit(), none_explicit(), multiple(), type(multiple()).__name__)
a, b, c = multiple()
print(a, b, c)
print([early(n) for n in [-1, 0, 1, 5, 10, 50]])
def gen_or_value(flag):
    if flag:
        return [1, 2]
    return (x for x in [3])
print(gen_or_value(True), list(gen_or_value(False)))
def chained():
    return chained
print(chained()()() is chained)
