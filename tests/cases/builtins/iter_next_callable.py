it = iter([10, 20])
print(next(it), next(it), next(it, 'end'))
print(callable(len), callable(5), callable(lambda: 0), callable(int), callable('s'.upper), callable(None))
class CallMe:
    def __call__(self, x):
        return x * 2
print(callable(CallMe), callable(CallMe()), CallMe()(21))
def gen():
    yield from range(3)
g = gen()
print(next(g), list(g), next(g, None))
s = iter('ab')
print(list(s), list(s))
sentinel_src = [1, 2, 3, None, 4]
it2 = iter(sentinel_src.pop, 2)
print(list(it2), sentinel_src)
