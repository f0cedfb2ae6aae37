src = '''
def greet(name, punct='!'):
    return 'Hello, ' + name + punct
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
points = [Point(i, i * i) for i in range(3)]
'''
ns = {}
exec(src, ns)
print(ns['greet']('kaa'), ns['greet']('you', '?'), ns['points'])
print(ns['greet'].__name__, ns['greet'].__module__ if '__name__' in ns else 'no module name', ns['Point'].__qualname__)
exec('counter = 0\nfor _ in range(10):\n    counter += 2', ns)
print(ns['counter'])
