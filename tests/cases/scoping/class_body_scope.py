y = 'module'
class A:
    y = 'class'
    z = y + '!'
    def method(self):
        return y
    vals = [y for _ in range(1)]
    lam = lambda self: y
print(A.z, A().method(), A.vals, A().lam())
class B:
    items = [1, 2, 3]
    total = sum(items)
    doubled = list(map(lambda v: v * 2, items))
print(B.total, B.doubled)
def factory():
    secret = 's3'
    class Inner:
        def reveal(self):
            return secret
        attr = secret
    return Inner
I = factory()
print(I().reveal(), I.attr)
