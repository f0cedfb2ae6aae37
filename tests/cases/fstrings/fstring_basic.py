name, age, pi = 'Ada', 36, 3.14159
print(f'{name} is {age}', f'{name!r}', f'{name!s:>6}', f'{name!a}', f'{"é"!a}')
print(f'{age:05d} {age:x} {age:#b} {pi:.2f} {pi:10.3f}| {pi:<10.1e}|')
print(f'{age + 1} {age * 2 = }', f'{name.upper()}', f'{[x * 2 for x in range(3)]}', f'{ {"a": 1}["a"] }')
w, p = 10, 3
print(f'{pi:{w}.{p}f}|', f'{name:{"^"}{w}}|', f'{{literal}}', f'{{{age}}}')
print(f'{pi=}', f'{pi = :.2f}', f'{name=!s}', f'{age=:>5}')
print(f'{"nested " + f"{age}"}', f'{3 if age > 30 else 4}', f'{(lambda x: x * 2)(4)}')
print(f'{1_000_000:,}', f'{0.25:%}', f'{-5:+}', f'{"x":*^7}', f'{None}', f'{True!r}')
items = ['a', 'b']
print(f'{items[0]}{items[-1]}', f'{len(items)}', f'{items!r:>12}')
print(f'multi' f'ple {age}' 'plain', F'{age}', rf'\n{age}', fr'{name}\t')
