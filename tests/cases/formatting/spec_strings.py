s = 'text'
for spec in ['', 's', '10', '<10', '>10', '^10', '^11', '*^11', '.2', '10.2', '-<6', '0>6', '=>5']:
    print(repr(spec), repr(format(s, spec)))
for bad in ['d', '=10', '+', ',']:
    try:
        print(format(s, bad))
    except ValueError as e:
        print('ValueError:', e)
print(repr(format('', '5')), repr(format('日本', '^6')), repr(format('é', '*>3')))
print(format(None, ''), format([1, 2]), format((1,), ''), format({'a': 1}))
try:
    format(None, '>5')
except TypeError as e:
    print('TypeError:', e)
