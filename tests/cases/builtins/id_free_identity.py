a = [1]
b = a
print(a is b, id(a) == id(b), id(a) != id([1]), type(id(a)).__name__)
print(isinstance(id(None), int), id(1) == id(1))
x = object()
print(x is x, x == x, x != object(), hash(x) == hash(x))
