def gen():
    yield 1
    yield 2
it = gen()
while True:
    try:
        v = next(it)
    except StopIteration:
        print('done')
        break
    print(v)
class Limited:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration('custom value')
        return self.i
print(list(Limited()), [x * 2 for x in Limited()])
print(next(iter([]), 'default'), next(iter('a'), 'x'))
try:
    next(iter(()))
except StopIteration as e:
    print('StopIteration', repr(e))
def bad_iter_in_gen():
    it = iter([])
    yield next(it)
try:
    list(bad_iter_in_gen())
except RuntimeError as e:
    print('RuntimeError', e)
