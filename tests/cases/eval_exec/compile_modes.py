c1 = compile('a = 5\nb = a * 2', 'prog.py', 'exec')
ns = {}
exec(c1, ns)
print(ns['a'], ns['b'], c1.co_filename, type(c1).__name__)
c2 = compile('a * b', 'expr.py', 'eval')
print(eval(c2, ns), c2.co_name)
c3 = compile('x = 7', '<s>', 'single')
exec(c3, ns)
print(ns['x'])
try:
    compile('a = ', 'bad.py', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.filename, e.lineno, e.offset, repr(e.text))
try:
    compile('1', '<x>', 'badmode')
except ValueError as e:
    print('ValueError:', e)
try:
    compile('x = 1', '<x>', 'eval')
except SyntaxError as e:
    print('SyntaxError', e.msg)
print(compile('', '<empty>', 'exec') is not None, eval(compile('42', '<c>', 'eval')))
