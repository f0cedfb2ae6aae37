try:
    raise ValueError('original problem')
except ValueError as e:
    e.add_note('note one: while loading config')
    e.add_note('note two')
    raise
