value = 42
text = 'hi'
items = [1, 2]
print(f'{value=}', f'{value = }', f'{value=:>6}', f'{value=!s}', f'{text=}', f'{text=!s}', f'{items=}')
print(f'{value + 1=}', f'{len(items)=}', f'{text.upper()=}', f'{value * 2 = :05d}')
print(f'{3.0 / 7=:.3f}', f'{None=}', f'{"q"=}')
