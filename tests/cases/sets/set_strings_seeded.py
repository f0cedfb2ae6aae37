words = {'apple', 'banana', 'cherry', 'date', 'elder'}
print(words)
print(set('mississippi'), set('hello world'))
print({'x', 'y'} | {'z'}, frozenset(['k1', 'k2', 'k3']))
print(sorted(words), len(words), 'apple' in words)
print({'a': 1, 'b': 2}.keys() | {'c'})
print(hash('abc'), hash(''), hash('hello world'), hash(b'abc'))
