class Positive:
    def __set_name__(self, owner, name):
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f'{self.name[1:]} must be positive')
        setattr(obj, self.name, value)
class Item:
    price = Positive()
    qty = Positive()
    def __init__(self, price, qty):
        self.price = price
        self.qty = qty
    def total(self):
        return self.price * self.qty
it = Item(3, 4)
print(it.price, it.qty, it.total(), type(Item.price).__name__, sorted(vars(it)))
try:
    it.qty = 0
except ValueError as e:
    print('ValueError:', e)
