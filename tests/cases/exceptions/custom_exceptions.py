class AppError(Exception):
    """Base."""
class NotFound(AppError):
    def __init__(self, what):
        self.what = what
        super().__init__(f'{what} not found')
class Invalid(AppError):
    def __str__(self):
        return 'invalid: ' + ', '.join(map(str, self.args))
def act(n):
    if n == 0:
        raise NotFound('user')
    if n == 1:
        raise Invalid('x', 'y')
    if n == 2:
        raise AppError()
    return n
for i in range(4):
    try:
        print(act(i))
    except NotFound as e:
        print('NotFound', e, e.what, e.args)
    except AppError as e:
        print(type(e).__name__, str(e), repr(e))
print(issubclass(NotFound, AppError), NotFound.__mro__[1:3], AppError.__doc__)
class WithRepr(Exception):
    def __repr__(self):
        return 'WithRepr!'
print(repr(WithRepr()), str(WithRepr('s')), [WithRepr()])
class Stateful(ValueError):
    count = 0
    def __init__(self, *a):
        Stateful.count += 1
        super().__init__(*a)
for _ in range(3):
    try:
        raise Stateful('s')
    except ValueError:
        pass
print(Stateful.count)
