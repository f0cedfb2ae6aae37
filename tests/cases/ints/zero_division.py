for op in ['//', '%', '/']:
    for a in [1, 0, -5, 2 ** 70]:
        try:
            r = eval(f'{a} {op} 0')
            print(a, op, 0, r)
        except ZeroDivisionError as e:
            print(a, op, 0, 'ZeroDivisionError:', e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print('divmod', e)
try:
    5 % 0.0
except ZeroDivisionError as e:
    print('float mod', e)
try:
    5 / 0.0
except ZeroDivisionError as e:
    print('float div', e)
try:
    5 // 0.0
except ZeroDivisionError as e:
    print('float floordiv', e)
