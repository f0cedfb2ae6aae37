class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 5
class Falsy:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
for obj in [Empty(), Full(), Falsy(), object()]:
    print(type(obj).__name__, bool(obj), 'yes' if obj else 'no', not obj)
print([x for x in [Empty(), Full(), 0, 'a'] if x].__len__())
class BadLen:
    def __len__(self):
        return 'x'
try:
    bool(BadLen())
except TypeError as e:
    print('TypeError:', e)
