class Tracked:
    live = 0
    def __init__(self, name):
        self.name = name
        Tracked.live += 1
    def __del__(self):
        Tracked.live -= 1
        print('del', self.name)
a = Tracked('a')
b = Tracked('b')
print(Tracked.live)
del a
print(Tracked.live)
b = None
print(Tracked.live)
items = [Tracked(f'x{i}') for i in range(3)]
items.clear()
print(Tracked.live)
def scope():
    t = Tracked('local')
    return 'returned'
print(scope(), Tracked.live)
