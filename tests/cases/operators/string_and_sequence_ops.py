print('ab' * 3, [0] * 4, (1, 2) * 2, 'a' + 'b' + 'c', [1] + [2] + [3], 'x' in 'xyz', 'xy' in 'xyz', 'yx' in 'xyz')
print('abc'[1] + 'abc'[-1], 'abc' * 0 == '', [1, 2] * 1 == [1, 2], 3 * 'z', -1 * [1])
print('%s-%s' % ('a', 'b'), 'a,b'.split(',') + ['c'], tuple('ab') + ('c',), list(range(3)) * 2)
