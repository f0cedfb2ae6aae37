def make_class(tag):
    class Tagged:
        def describe(self):
            return f'{tag}:{type(self).__name__}'
    return Tagged
A = make_class('alpha')
B = make_class('beta')
print(A().describe(), B().describe(), A is B)
class Outer:
    x = 'class attr'
    def method(self):
        return x
x = 'module x'
print(Outer().method())
class WithSuper:
    def who(self):
        return 'base'
class Child(WithSuper):
    def who(self):
        return 'child of ' + super().who()
    def lam(self):
        return (lambda: super(Child, self).who())()
print(Child().who(), Child().lam(), Child.who.__code__.co_freevars)
