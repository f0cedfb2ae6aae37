g = {'x': 1}
l = {'y': 2}
exec('z = x + y', g, l)
print(sorted(k for k in g if k != '__builtins__'), l)
exec('def f(): return x * 10', g)
print(g['f']())
exec('import_like = [i for i in range(3)]', g)
print(g['import_like'])
ns = {}
exec('class C:\n    v = 5\n    def m(self): return self.v * 2\nresult = C().m()', ns)
print(ns['result'], ns['C'].__name__, ns['C'].__module__)
code = 'total = 0\nfor i in range(5):\n    total += i\n'
env = {}
exec(code, env)
print(env['total'])
def run_locals():
    loc = {}
    exec('a = 1; b = a + 1', {}, loc)
    return loc
print(run_locals())
print(eval('__name__'), eval('__name__', {}), eval('__name__', {'__name__': 'custom'}))
