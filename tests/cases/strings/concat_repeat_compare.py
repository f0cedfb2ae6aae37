a = 'abc'
print(a + 'def', a * 3, 3 * a, a * 0, a * -1, '' * 5, a + '')
print('abc' < 'abd', 'abc' < 'ab', 'Z' < 'a', 'é' > 'z', 'abc' == 'abc', 'a' != 'A', '' < 'a')
print(sorted(['banana', 'Apple', 'cherry', 'apple', 'Banana', '']))
print(max('hello'), min('hello'), sorted('hello'), 'b' in 'abc', 'ab' not in 'abc')
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    'a' < 1
except TypeError as e:
    print('TypeError:', e)
try:
    'a' * 2.5
except TypeError as e:
    print('TypeError:', e)
x = 'x'
x += 'y'
x *= 3
print(x, len(x))
print('%s' % 'abc' == 'abc', x is not None)
