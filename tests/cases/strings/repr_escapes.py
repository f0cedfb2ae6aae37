items = ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\nhere', 'bs\\', '\x00\x07\x1f\x7f', 'é', '\u200b', '\u0085', '\ud800', '\U0001f600', '\xa0', '\r']
for s in items:
    print(repr(s), ascii(s), len(s))
print(str('x'), repr(repr('a')), repr(['a', "b'c"]), repr({'k': 'v'}), repr(('t',)))
print('\N{GREEK SMALL LETTER ALPHA}', '\u03b1' == 'α', '\x41\102\u0043', r'\n\t', len(r'\n'))
print(ascii('日本'), ascii(['é', 1]))
