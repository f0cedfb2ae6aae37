class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, v):
        return v in self.items
    def __iter__(self):
        return iter(self.items)
    def __repr__(self):
        return f'Bag{tuple(self.items)}'
    def __bool__(self):
        return bool(self.items)
b = Bag(1, 2, 3)
print(len(b), b[0], b[-1], b[1:], 2 in b, 5 in b, list(b), bool(b), bool(Bag()))
b[0] = 'one'
del b[1]
print(b, [x for x in b], sorted(Bag(3, 1, 2)), max(Bag(4, 9)))
try:
    b[10]
except IndexError as e:
    print('IndexError:', e)
class Matrix:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        return self.data.get(key, 0)
    def __setitem__(self, key, v):
        self.data[key] = v
m = Matrix()
m[1, 2] = 5
m[0, 0] += 3
print(m[1, 2], m[0, 0], m[9, 9], m.data)
