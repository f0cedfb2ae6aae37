class Bad:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError('exit failed')
try:
    with Bad():
        raise ValueError('body')
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
class EnterFails:
    def __enter__(self):
        raise OSError('cannot enter')
    def __exit__(self, *a):
        print('never')
try:
    with EnterFails():
        print('never body')
except OSError as e:
    print('OSError', e)
class Truthy:
    def __enter__(self):
        return 1
    def __exit__(self, *a):
        return 'non-empty string'
with Truthy():
    1 / 0
print('suppressed by truthy return')
class Counting:
    depth = 0
    def __enter__(self):
        Counting.depth += 1
        return Counting.depth
    def __exit__(self, *a):
        Counting.depth -= 1
with Counting() as a:
    with Counting() as b:
        print(a, b, Counting.depth)
print(Counting.depth)
