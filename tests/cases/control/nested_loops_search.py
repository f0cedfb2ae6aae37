def find_pair(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return i, j
    return None
print(find_pair([2, 7, 11, 15], 9), find_pair([3, 2, 4], 6), find_pair([1, 2], 7))
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    else:
        continue
    break
print(found)
pyramid = []
for i in range(1, 6):
    pyramid.append(' ' * (5 - i) + '*' * (2 * i - 1))
print('\n'.join(pyramid))
table = [[i * j for j in range(1, 6)] for i in range(1, 6)]
for r in table:
    print(' '.join(f'{v:3}' for v in r))
