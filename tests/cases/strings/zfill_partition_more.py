for s in ['', '1', '-1', '+1', 'abc', '-', '1.5', '--1']:
    print(repr(s.zfill(4)), repr(s.zfill(0)))
for s in ['a=b=c', '=', 'abc', '', 'a==b']:
    print(repr(s), s.partition('='), s.rpartition('='), s.partition('=='))
