s = 'Grüße, 世界! ¡Hola! Ωmega'
print(len(s), s.upper(), s.lower(), s.casefold(), s.swapcase())
print([c for c in s if c.isalpha() and not c.isascii()])
print(s.encode('utf-8'), len(s.encode('utf-8')), s.encode('utf-16-le')[:10])
print(s.center(40, '·'))
print(s.find('世'), s.index('Ω'), s.split(), s[7:9], s[::-1])
print(sorted(set(s.lower()) - set('abcdefghijklmnopqrstuvwxyz ,!')))
print('\u00e9' == 'e\u0301', len('e\u0301'), 'café'.title(), 'ǉ'.title(), 'ǉ'.upper(), 'Ǉ'.lower())
print('𝐀𝐁'.lower(), '𝐀'.isupper(), '\U0001d400'.isalpha(), 'Ａ'.lower(), '①'.isdigit(), '①'.isdecimal())
