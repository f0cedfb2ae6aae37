print(format(42), format(42, 'x'), format(3.14159, '.2f'), format('s', '>4'), format(True), format(None), format([1]))
print(format(1234567.891, ',.2f'), format(0.5, '%'), format(255, '#010b'), format(-3, '+'), format(12, 'c'))
class F:
    def __format__(self, spec):
        return f'F[{spec}]'
print(format(F()), format(F(), 'abc'), f'{F():xyz}', '{:q}'.format(F()))
class Bad:
    def __format__(self, spec):
        return 5
try:
    format(Bad())
except TypeError as e:
    print('TypeError:', e)
try:
    format(object(), 'x')
except TypeError as e:
    print('TypeError:', e)
print(format(object(), '')[:8])
