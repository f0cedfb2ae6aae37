# str methods check their arguments as CPython does (types, indices, fill
# characters, tuples of prefixes) and raise its exact messages.
tests = [
    "''.center('x')", "'a'.center(5, 'ab')", "'a'.center(5, 1)", "'a'.ljust(5, 1)",
    "'a'.rjust(3, '*')", "'a'.center(10**30)", "'a'.find(1)", "'a'.find('a', 'x')",
    "'a'.count(1)", "'a'.index('b')", "'a'.rindex(1)", "'a'.startswith(1)",
    "'a'.startswith((1,))", "'a'.endswith(1)", "'a'.startswith('a', 'x')",
    "'a'.startswith(('a', 1))", "'a'.endswith(('x', 1))", "'a'.split(1)",
    "'a'.split('')", "'a'.rsplit(1)", "'a'.split(maxsplit='x')",
    "'a'.split(maxsplit=10**30)", "'a'.strip(1)", "'a'.lstrip(1)", "'a'.rstrip(1)",
    "'a'.replace(1, '')", "'a'.replace('a', 1)", "'a'.replace('a', 'b', 'x')",
    "'a'.join([1])", "'a'.join(['x', 2])", "'a'.join(1)", "'a'.zfill('x')",
    "'a'.expandtabs('x')", "'a'.encode(1)", "'a'.encode('utf-8', 1)",
    "'a'.encode('nope')", "'a'.partition(1)", "'a'.partition('')",
    "'a'.rpartition(1)", "'a'.rpartition('')", "'a'.removeprefix(1)",
    "'a'.removesuffix(1)", "'a'.splitlines('x')", "'a\\nb'.splitlines(2)",
    "'a'.count('a', 'x')", "'abc'.find('c', None, None)", "'abc'.find('c', -1)",
    "'abc'.find('b', 10**30)", "'abc'.find('b', -10**30)", "'abc'.index('c', 0, 2)",
    "str.upper(1)", "str.lower(b'x')", "'abc'.encode('ascii', 'nope')",
    "'é'.encode('ascii', 'nope')", "'a' * 'b'", "'a' + 1", "1 + 'a'", "'a' < 1",
    "'x'[5]", "'x'[-2]", "ord('')", "ord('ab')", "chr('a')", "chr(0x110000)", "chr(-1)",
    "'abc'.startswith('b', 1)", "'abc'.endswith('b', 0, 2)", "'abc'.startswith(())",
]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__ + ':', e)
class Idx:
    def __index__(self):
        return 1
print('abcabc'.find('b', Idx()), 'abc'.center(Idx() .__index__() + 4, '-'), 'abc'[Idx()])
