try:
    raise ValueError('v')
except ValueError as e:
    e.add_note('first note')
    e.add_note('second')
    print(e.__notes__, str(e), repr(e))
try:
    ValueError().add_note(5)
except TypeError as e:
    print('TypeError:', e)
e = KeyError('k')
print(hasattr(e, '__notes__'))
