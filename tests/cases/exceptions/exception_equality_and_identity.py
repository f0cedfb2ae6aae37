e1 = ValueError('x')
e2 = ValueError('x')
print(e1 == e2, e1 is e2, e1 == e1, e1.args == e2.args, hash(e1) == hash(e1))
errs = [ValueError('a'), TypeError('b'), ValueError('c')]
print([type(e).__name__ for e in errs if isinstance(e, ValueError)], sorted(str(e) for e in errs))
try:
    raise e1
except ValueError as caught:
    print(caught is e1, caught.__traceback__ is not None)
try:
    raise ValueError
except ValueError as caught:
    print(repr(caught), caught.args)
