print(1 + 2.0, 3 * True, 2.5 // 1, 7 % 2.5, 1 + 1j, 10 / 4, 10 // 4.0)
print([1] * 3, 3 * 'ab', (1, 2) * 2, b'x' * 3, 'a' * True, [0] * False)
for a, b in [(1, 'a'), ('a', 1), ([], ()), ({}, []), (None, 1), (1.5, 'x'), (b'a', 'a')]:
    try:
        print(a + b)
    except TypeError as e:
        print('TypeError:', e)
for a, b in [(1, 'a'), (None, None), ([], 1), ({1}, 1)]:
    try:
        print(a < b)
    except TypeError as e:
        print('TypeError:', e)
print(None == None, None == 0, 1 == '1', [1] == (1,), {} == set())
for a, b in [('a', 'b'), ([1], 2), (None, 1)]:
    try:
        print(a - b)
    except TypeError as e:
        print('TypeError:', e)
try:
    print(-'a')
except TypeError as e:
    print('TypeError:', e)
try:
    print([1] @ [2])
except TypeError as e:
    print('TypeError:', e)
