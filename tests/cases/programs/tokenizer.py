def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == '.'):
                j += 1
            tokens.append(('NUM', src[i:j]))
            i = j
        elif c.isalpha() or c == '_':
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == '_'):
                j += 1
            tokens.append(('NAME', src[i:j]))
            i = j
        elif src.startswith(('==', '!=', '<=', '>='), i):
            tokens.append(('OP', src[i:i + 2]))
            i += 2
        elif c in '+-*/()=<>':
            tokens.append(('OP', c))
            i += 1
        else:
            raise SyntaxError(f'bad char {c!r} at {i}')
    return tokens
for s in ['x = 3.14 * (r + 2)', 'a_b1 >= 10 != c', 'f(x)/2', 'oops $']:
    try:
        print(tokenize(s))
    except SyntaxError as e:
        print('SyntaxError:', e)
