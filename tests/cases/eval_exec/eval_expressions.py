exprs = ['1 + 1', '2 ** 10', '"ab" * 3', '[i for i in range(4)]', '{1: 2}', '(lambda x: x + 1)(5)', 'sorted("cba")', '1 if 0 else 2', 'not None', 'len("four")', '10 // 3, 10 % 3', '{*range(3)}']
for e in exprs:
    print(repr(e), '->', repr(eval(e)))
x = 10
print(eval('x * 2'), eval('x * 2', {'x': 3}), eval('x + y', {'x': 1, 'y': 2}))
def f():
    local = 'mine'
    return eval('local.upper()')
print(f())
for bad in ['1/0', 'undefined', '[][1]', 'int("x")']:
    try:
        eval(bad)
    except Exception as e:
        print(bad, type(e).__name__, e)
