class Money:
    def __init__(self, amount, cur='USD'):
        self.amount, self.cur = amount, cur
    def __repr__(self):
        return f'Money({self.amount!r}, {self.cur!r})'
    def __str__(self):
        return f'{self.amount:.2f} {self.cur}'
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.amount, self.cur) == (other.amount, other.cur)
    def __hash__(self):
        return hash((self.amount, self.cur))
a = Money(5)
b = Money(5)
c = Money(7, 'EUR')
print(a, repr(a), [a, c], str(c), f'{a}', f'{a!r}')
print(a == b, a != b, a == c, a is b, a == 5, 5 == a, a != 'x')
print(len({a, b, c}), {a: 'x'}[b])
class NoEq:
    pass
n = NoEq()
print(n == n, n == NoEq(), n != NoEq())
print(repr(NoEq())[:17] == '<__main__.NoEq ob')
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq() == 1, OnlyEq() != 1, OnlyEq.__hash__)
