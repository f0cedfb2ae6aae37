a = ['a', 'b', 'c', 'b', 'a', 'b']
print(a.index('b'), a.index('b', 2), a.index('b', 4), a.count('b'), a.count('z'))
while 'b' in a:
    a.remove('b')
print(a)
nums = [5, 3, 5, 1, 5]
print([i for i, v in enumerate(nums) if v == 5], nums.index(5, -2), nums[::-1].index(5))
try:
    nums.index(5, 1, 2)
except ValueError as e:
    print('ValueError:', e)
mixed = [1, 1.0, True, '1', (1,)]
print(mixed.count(1), mixed.index(True), mixed.index('1'), (1,) in mixed)
