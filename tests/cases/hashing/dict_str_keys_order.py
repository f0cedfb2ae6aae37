# Dicts keep insertion order whatever the hashes; set operations on
# dict views of str keys follow the set table.
d = {}
for w in ['pear', 'fig', 'apple', 'kiwi', 'date']:
    d[w] = len(w)
print(d)
print(d.keys() & {'fig', 'kiwi', 'plum'})
print(set(d))
print(set(d.items()) == set(zip(d, d.values())))
print({k: v for k, v in sorted(d.items())})
print(set(['ab', 'ba', 'aa', 'bb']) ^ {'aa', 'cc'})
print(frozenset('hello') | frozenset('world'))
