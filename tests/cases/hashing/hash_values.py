# hash() of str and bytes equals CPython's under PYTHONHASHSEED=0.
for s in ['', 'a', 'ab', 'hello', 'hello world', 'x' * 7, 'x' * 8, 'x' * 9, 'é', 'ÿ', 'Ā', '日本語', '\U0001f600', '\ud800', 'a\x00b']:
    print(repr(s), hash(s))
for b in [b'', b'a', b'hello', b'\x00\xff', bytes(range(16))]:
    print(b, hash(b))
print(hash('abc') == hash('ab' + 'c'), hash('é') == hash('\xe9'))
print(hash(('a', 'b')), hash(frozenset({'a'})))
print(hash('a') % 8, hash('b') % 8, hash('c') % 8)
class S(str):
    pass
print(hash(S('abc')) == hash('abc'))
