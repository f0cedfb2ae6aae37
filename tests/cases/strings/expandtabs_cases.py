for s in ['a\tb', '\t', 'abcdefgh\tx', 'ab\tcd\tef', 'x\n\ty', 'a\r\tb', '日本\tx']:
    print(repr(s.expandtabs()), repr(s.expandtabs(2)), repr(s.expandtabs(1)), repr(s.expandtabs(0)))
