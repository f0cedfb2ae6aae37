class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        print(f'eq {self.k} {o.k}')
        return self.k == o.k
    def __hash__(self):
        return hash(self.k) % 2
d = {}
d[Key(1)] = 'one'
d[Key(3)] = 'three'
print(d[Key(3)])
print(Key(5) in d)
s = {Key(2), Key(4)}
print(len(s))
