import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), len(keyword.softkwlist))
for w in ['if', 'match', 'case', '_', 'print', 'None', 'none', 'async', 'self', '']:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
print(sorted(keyword.__all__))
print(keyword.kwlist == sorted(keyword.kwlist))
try:
    keyword.iskeyword([])
except TypeError as e:
    print('TypeError', e)
