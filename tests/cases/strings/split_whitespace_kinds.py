s = 'a\tb\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x1fj\x85k\xa0l\u2000m\u3000n'
print(s.split())
print(len(s.split()), s.split(None, 3), s.rsplit(None, 3))
print('  x  y  '.split(' '), '  x  y  '.rsplit(' ', 2), '\n\nx\n'.split('\n'))
print('a  b'.split(' ', 1), 'a||b||'.split('||'), 'a||b||'.rsplit('||', 1))
