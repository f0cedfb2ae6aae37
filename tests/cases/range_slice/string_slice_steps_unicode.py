s = 'añb日c😀d'
for st in [1, 2, 3, -1, -2]:
    print(st, s[::st], s[1::st], s[-2::st])
print(s[1:6], s[-3:], s[:-3], len(s), s.index('😀'), s[s.index('日')])
