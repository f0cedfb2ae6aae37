class InsufficientFunds(Exception):
    pass
class Account:
    next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = Account.next_id
        Account.next_id += 1
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amount
        self.history.append(('deposit', amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f'{self.owner} has {self.balance}, needs {amount}')
        self.balance -= amount
        self.history.append(('withdraw', amount))
    def __repr__(self):
        return f'Account#{self.id}({self.owner!r}, {self.balance})'
def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)
a = Account('ann', 100)
b = Account('bob')
transfer(a, b, 30)
print(a, b)
for amt in [50, 100, -5]:
    try:
        if amt < 0:
            b.deposit(amt)
        else:
            transfer(b, a, amt)
        print('ok', amt, a, b)
    except InsufficientFunds as e:
        print('InsufficientFunds:', e)
    except ValueError as e:
        print('ValueError:', e)
print(a.history, b.history)
print(sorted([a, b], key=lambda acc: acc.balance))
