s = 'hello world'
tests = [('hello',), ('world',), ('',), ('o', 4), ('o', 4, 5), ('w', 6, 7), (('x', 'he'),), (('x', 'y'),), ('hello world!',), ('lo', -9), ('ld', -2), ('he', -100)]
for t in tests:
    print(t, s.startswith(*t), s.endswith(*t))
print(''.startswith(''), ''.endswith('', 1), 'a'.startswith('', 1), 'a'.startswith('', 2), 'abc'.endswith('bc', 1, 3))
