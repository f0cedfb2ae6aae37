data = [('alice', 30, 'nyc'), ('bob', 25, 'sf'), ('carol', 30, 'la'), ('dave', 25, 'nyc'), ('eve', 35, 'sf'), ('frank', 30, 'sf')]
by_age = sorted(data, key=lambda r: r[1])
print([r[0] for r in by_age])
by_city_then_age = sorted(sorted(data, key=lambda r: r[1]), key=lambda r: r[2])
print([r[0] for r in by_city_then_age])
print([r[0] for r in sorted(data, key=lambda r: r[1], reverse=True)])
print([r[0] for r in sorted(data, key=lambda r: (r[2], -r[1]))])
keys_called = []
def k(x):
    keys_called.append(x)
    return -x
print(sorted([3, 1, 2], key=k), keys_called)
class Item:
    def __init__(self, v, tag):
        self.v, self.tag = v, tag
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f'{self.v}{self.tag}'
items = [Item(2, 'a'), Item(1, 'b'), Item(2, 'c'), Item(1, 'd'), Item(0, 'e')]
print(sorted(items), sorted(items, reverse=True), max(items), min(items))
