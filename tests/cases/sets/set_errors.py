for f in [lambda: {[1]}, lambda: set().pop(), lambda: {1}.remove(2), lambda: {1} + {2}, lambda: {1} < [1], lambda: frozenset([1]).add, lambda: set(5), lambda: {{1}}]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
try:
    frozenset().add(1)
except AttributeError as e:
    print('AttributeError:', e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError:', e)
