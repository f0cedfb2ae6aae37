rows = [('Name', 'Qty', 'Price'), ('apple', 3, 0.5), ('banana', 12, 0.25), ('cherry tomato', 100, 3.0)]
for name, qty, price in rows:
    print(str(name).ljust(14) + '|' + str(qty).rjust(5) + '|' + str(price).center(8) + '|')
for w in range(0, 8):
    print(repr('ab'.center(w)), repr('abc'.center(w, '*')), repr('x'.rjust(w, '0')))
