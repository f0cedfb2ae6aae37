s = 'the cat sat on the mat'
print(s.replace('at', 'og'), s.replace('the', 'a', 1), s.replace('', '-'), s.replace('x', 'y'), s.replace('t', '', 2))
print('aaa'.replace('a', 'aa'), ''.replace('', 'x'), 'abc'.replace('', '.', 2))
table = str.maketrans('abc', 'xyz')
print(sorted(table.items()))
print('aabbcc'.translate(table))
t2 = str.maketrans({'a': '1', 'b': None, ord('c'): 'CC'})
print(sorted(t2.items()), 'abcabc'.translate(t2))
t3 = str.maketrans('ab', 'AB', 'xyz')
print('axbycz'.translate(t3))
print('hello'.translate({104: 'J', 111: None}))
try:
    str.maketrans('ab', 'x')
except ValueError as e:
    print('ValueError:', e)
try:
    str.maketrans({'ab': 1})
except ValueError as e:
    print('ValueError:', e)
