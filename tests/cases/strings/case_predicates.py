samples = ['abc', 'ABC', 'Abc', 'Abc Def', 'ABC def', '123', 'abc123', '', ' ', '\t\n', 'Hello World', 'hello World', 'ǅungla', '١٢٣', '½', '²', 'abc!', 'x_y', '_a1', '1a', 'class', 'é', '\x00', 'a b', 'Ⅻ', '𝟘']
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.islower(), s.isupper(), s.istitle(), s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
