samples = ['\u00e9', 'e\u0301', '\U0001F600', '\u4e2d\u6587', '\x7f', '\u2028', '\ufeff', 'a\u0000b']
for s in samples:
    print(len(s), repr(s), ascii(s), s.encode('utf-8'), s.encode('utf-16-be'), s.isprintable())
print('\N{SNOWMAN}', '\N{LATIN SMALL LETTER E WITH ACUTE}' == 'é', '\u2603' == '\N{SNOWMAN}')
