s = 'abracadabra'
for sub in ['a', 'abra', 'cad', 'z', '', 'ra']:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s)
print(s.find('a', 1), s.find('a', 1, 3), s.find('a', -4), s.rfind('a', 0, -1), s.count('a', 2, 8))
print(s.find('', 11), s.find('', 12), s.count(''), ''.count(''), s.rfind('', 3, 5))
print(s.index('c'), s.rindex('b'), s.index('a', 5), s.find('bra', -100, 100))
try:
    s.index('z')
except ValueError as e:
    print('ValueError:', e)
try:
    s.rindex('q')
except ValueError as e:
    print('ValueError:', e)
print(s.startswith('abr'), s.startswith(('x', 'ab')), s.startswith('bra', 1), s.startswith('a', 3, 4))
print(s.endswith('bra'), s.endswith(('x', 'y')), s.endswith('cad', 0, 7), s.endswith(''), ''.startswith(''))
try:
    s.startswith(['a'])
except TypeError as e:
    print('TypeError:', e)
print('aaaa'.count('aa'), 'aaaa'.replace('aa', 'b'), 'ééé'.find('é', 1))
