bad_sources = ['x = (1, 2', 'def f(:\n    pass', 'for x in range(3)\n    print(x)', 'a b c', 'return 1', '1 = x', 'f(**x, *y)', 'x = 1 +', 'class C\n    pass', 'if True:\nprint(1)', '  indented = 1', 'del 5', 'x += 1 += 2', '"unterminated']
for s in bad_sources:
    try:
        exec(s)
    except SyntaxError as e:
        print(type(e).__name__, '|', e.msg, '|', e.lineno, e.offset)
