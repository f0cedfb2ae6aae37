def ratio(a, b):
    try:
        return a / b
    except ZeroDivisionError as exc:
        raise ValueError(f'bad ratio {a}/{b}') from exc
print(ratio(1, 2))
print(ratio(1, 0))
