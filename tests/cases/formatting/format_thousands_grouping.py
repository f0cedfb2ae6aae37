for n in [0, 999, 1000, 1234567, -1234567, 10 ** 12]:
    print(f'{n:,}', f'{n:_}', f'{n:_x}', f'{n:_o}', f'{n:_b}'[-12:], f'{n:,.2f}', f'{n:12,}|', f'{n:012,}')
print(f'{1234.5:,}', f'{1234567.891:_.2f}', f'{0.000123:,}', f'{1e21:,}')
try:
    f'{1:,_}'
except ValueError as e:
    print('ValueError:', e)
