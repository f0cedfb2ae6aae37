s = {1, 'a', (1, 2), frozenset({3}), None, 2.5, True}
print(len(s), 1 in s, True in s, 'a' in s, (1, 2) in s, frozenset([3]) in s, None in s, 2.5 in s)
for bad in [[1], {1}, {'k': 1}]:
    try:
        bad in s
    except TypeError as e:
        print('TypeError:', e)
print({frozenset({1, 2}): 'x'}.get(frozenset({2, 1})), {1, 2} in [{2, 1}])
