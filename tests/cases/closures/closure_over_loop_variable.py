funcs = {}
for name in ['a', 'b', 'c']:
    funcs[name] = lambda name=name: name.upper()
print({k: f() for k, f in funcs.items()})
adders = [(lambda n: lambda x: x + n)(n) for n in range(4)]
print([a(100) for a in adders])
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(5)]
print([m(2) for m in make_multipliers()])
gens = [(x * k for x in range(3)) for k in range(3)]
print([list(g) for g in gens])
