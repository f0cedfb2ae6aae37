a = {'x': 1, 'y': 2}
b = {'y': 2, 'x': 1}
print(a == b, list(a) == list(b), a != {'x': 1}, {} == {}, {1: [1]} == {1: [1]})
nested = {'k': {'inner': [1, 2, {'deep': True}]}}
print(nested['k']['inner'][2]['deep'], nested)
r = {}
r['self'] = r
print(r)
print(dict(sorted({'b': 1, 'a': 2}.items())), {v: k for k, v in a.items()})
print(len({i % 5: i for i in range(100)}), {i % 5: i for i in range(100)})
print(str({'a': 'b'}), repr({1.5: None}), {(): ()}, {'q': "it's"})
print(a.__len__(), a.__contains__('x'), a.__getitem__('y'), list(iter(a)))
print(isinstance(a, dict), type(a) is dict, dict.__name__)
d = dict.fromkeys(range(5))
for k in list(d):
    if k % 2:
        del d[k]
print(d)
