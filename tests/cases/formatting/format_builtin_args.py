# format(value, spec): the spec must be a str; object.__format__ rejects non-empty specs.
print(format(5), format(5, 'x'), format('\ud800') == '\ud800', format(1.5, '08.2f'), format([1]), format(None))
for bad in [(1, 2), ([1], 'x'), (object(), 's')]:
    try:
        format(*bad)
    except TypeError as e:
        print('TypeError:', e)
