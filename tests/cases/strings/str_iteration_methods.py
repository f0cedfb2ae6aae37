s = 'Mississippi'
print(sorted(set(s)), s.count('ss'), s.find('ss'), s.rfind('ss'), s.index('p'), s.rindex('s'))
print([s.count(c) for c in 'Misp'], s.lower().count('m'), s.replace('ss', 'SS'), s.split('ss'), s.split('i'))
print(s.startswith('Miss'), s.endswith('pi'), s.upper(), s.swapcase(), s[::2], s[1::2])
print(list(enumerate(s))[:3], dict.fromkeys(s), ''.join(dict.fromkeys(s)))
