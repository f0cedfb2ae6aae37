def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running, gen.gi_frame is not None, gen.__name__, gen.__qualname__)
next(gen)
next(gen)
try:
    next(gen)
except StopIteration:
    pass
print(gen.gi_frame)
def self_ref():
    yield gen2.gi_running
gen2 = self_ref()
print(next(gen2))
def reentrant():
    yield next(gen3)
gen3 = reentrant()
try:
    next(gen3)
except ValueError as e:
    print('ValueError:', e)
def raises():
    yield 1
    raise KeyError('inside')
r = raises()
print(next(r))
try:
    next(r)
except KeyError as e:
    print('KeyError:', e)
print(next(r, 'after error exhausted'))
def stop_inside():
    yield 1
    raise StopIteration('bad')
try:
    list(stop_inside())
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__)
