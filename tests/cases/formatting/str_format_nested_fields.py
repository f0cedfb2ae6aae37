data = {'user': {'name': 'ann', 'langs': ['py', 'rs']}, 'n': 3}
print('{user[name]} knows {user[langs][1]} and {n} others'.format(**data))
print('{0[user][langs]!r:>16}|'.format(data))
class Obj:
    attr = 'value'
    items = {'k': [10, 20]}
print('{o.attr} {o.items[k][1]} {o.__class__.__name__}'.format(o=Obj()))
for spec in ['{:>{w}.{p}}', '{:^{w}}', '{:{w}}']:
    print(spec.format('abcdef', w=9, p=2) + '|')
