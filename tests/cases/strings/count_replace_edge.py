print('aaaa'.count('a'), 'aaaa'.count('aa'), 'aaaa'.count('aaa'), 'abab'.count('ab', 1), 'abab'.count('', 1, 3))
print('a.b.c'.replace('.', ''), 'a.b.c'.replace('.', '..'), 'aaa'.replace('a', 'b', 0), 'aaa'.replace('a', 'b', -1), 'aaa'.replace('aa', 'x'))
print('ünïcödé'.replace('ö', 'o'), 'xyz'.replace('', '|', 1), 'abc'.replace('abc', ''), '日本日本'.replace('本', 'x', 1))
s = 'the theme of the thesis'
print(s.count('the'), s.replace('the', 'THE', 2), s.find('the', 1), s.rfind('the', 0, 10), s.index('of'))
