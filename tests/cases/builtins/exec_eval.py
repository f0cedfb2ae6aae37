print(eval('1 + 2 * 3'), eval('[x * x for x in range(4)]'), eval('"abc".upper()'), eval(' 7 '))
ns = {}
exec('a = 5\nb = a * 2\ndef f(): return a + b', ns)
print(ns['a'], ns['b'], ns['f'](), sorted(k for k in ns if k != '__builtins__'))
print(eval('a + b', ns), eval('x + y', {'x': 1}, {'y': 2}), eval('len', {}) is len)
loc = {}
exec('z = 42', None, loc)
print(loc)
code = compile('3 ** 4', '<expr>', 'eval')
print(type(code).__name__, eval(code), code.co_filename, code.co_name)
code2 = compile('for i in range(3): print("exec", i)', '<stmt>', 'exec')
exec(code2)
print(exec('1 + 1'), eval('None'))
for bad in ['1 +', 'x = ', 'return 5']:
    try:
        exec(bad)
    except SyntaxError as e:
        print('SyntaxError:', e.msg, e.lineno, e.offset)
try:
    eval('x = 1')
except SyntaxError as e:
    print('SyntaxError:', e.msg)
try:
    eval('undefined_in_eval')
except NameError as e:
    print('NameError:', e)
g = {'__builtins__': {'len': len}}
print(eval('len([1, 2])', g))
try:
    eval('print(1)', g)
except NameError as e:
    print('NameError:', e)
single = compile('40 + 2', '<single>', 'single')
exec(single)
print(eval(compile('x', '<x>', 'eval'), {'x': 'from dict'}))
