class Shape:
    def area(self):
        raise NotImplementedError(f'{type(self).__name__}.area')
    def describe(self):
        return f'{type(self).__name__} with area {self.area():.2f}'
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Blob(Shape):
    pass
for s in [Circle(1), Square(3), Blob()]:
    try:
        print(s.describe())
    except NotImplementedError as e:
        print('NotImplementedError:', e)
shapes = sorted([Circle(2), Square(2), Circle(0.5)], key=Shape.area)
print([type(s).__name__ for s in shapes], round(sum(s.area() for s in shapes), 3))
