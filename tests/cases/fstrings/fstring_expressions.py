data = {'a': [1, 2, 3], 'b': {'x': 10}}
i = 1
print(f'{data["a"][i]}', f"{data['b']['x'] * 2}", f'{len(data)}', f'{sum(data["a"])}', f'{data["a"][-1]:>5}')
print(f'{i if i else "zero"}', f'{(lambda: "lam")()}', f'{[c for c in "ab"]}', f'{ {1, 2} }', f'{ {"k": 1}!r}')
x, y = 3, 4
print(f'{x}+{y}={x + y}', f'{x * y:04d}', f'{x / y:.1%}', f'{x ** y:,}', f'{-x:+}', f'{x:b}', f'{y:o}')
name = 'World'
print(f'Hello, {name}!', f'{name[0]}{name[1:].upper()}', f'{name!r:>10}', f'{len(name) * "-"}')
print(f'{"{"}', f'{"}"}', f'{{}}', f'{{{x}}}', f'{x!s:{y}}|')
print(f'''triple {x}
second line {y}''')
