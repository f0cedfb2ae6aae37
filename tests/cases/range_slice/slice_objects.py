s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), repr(slice(1, 2)))
print(s.indices(6), slice(None).indices(4), slice(-3, None).indices(10), slice(None, None, -1).indices(5), slice(10, -10, -3).indices(8))
data = list(range(10))
print(data[s], data[slice(None, 3)], data[slice(-2, None)], 'abcdef'[slice(1, None, 2)], (1, 2, 3)[slice(None, None, -1)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print('ValueError:', e)
try:
    [1, 2][::0]
except ValueError as e:
    print('ValueError:', e)
class Spy:
    def __getitem__(self, item):
        return item
sp = Spy()
print(sp[1], sp[1:2], sp[::3], sp[1:2, 3], sp[...], sp[:, None], sp['k'])
