def gen():
    yield 1
    raise ValueError('gen failed')
try:
    for x in gen():
        print('got', x)
except ValueError as e:
    print('ValueError:', e)
try:
    print([1 // x for x in [1, 0]])
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    print({k: 1 / k for k in [2, 0]})
except ZeroDivisionError as e:
    print('dict comp ZeroDivisionError:', e)
results = []
for v in ['1', 'x', '3']:
    try:
        results.append(int(v))
    except ValueError:
        results.append(None)
print(results)
def safe(f, *a):
    try:
        return f(*a)
    except Exception as e:
        return type(e).__name__
print([safe(int, 'z'), safe(len, 5), safe(lambda: [][0]), safe(dict, [1]), safe(float, '2.5')])
