f'{x:>10}'
f'{x:.2f}'
f'{x:{width}.{prec}}'
f'{x!r:^20}'
