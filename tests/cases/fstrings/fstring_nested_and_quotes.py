width, prec = 12, 3
vals = {'pi': 3.14159265, 'e': 2.71828}
for k, v in vals.items():
    print(f'{k:>4}: {v:{width}.{prec}f}|{v:<{width}e}|')
print(f"{'single' + "" if True else ''}", f'{"double"}', f'''{'triple'}''', f"{'x'!r}")
print(f'{"a" "b"}', f'{vals["pi"]:.2f}', f"{vals['e']:.1f}", f'{len(f"{width}")}')
print(f'{width:{"<" if width > 10 else ">"}{width}}|')
