pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a'), (0, 'm')]
print(sorted(pairs), sorted(pairs, reverse=True), min(pairs), max(pairs))
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), (1, 3) > (1, 2, 9), (0,) < (0, 0), () == (), (1,) != (1.0,))
print((1, 'a') == (1, 'a'), (1, [2]) == (1, [2]), (float('nan'),) == (float('nan'),))
records = [('smith', 'john', 40), ('doe', 'jane', 25), ('smith', 'anna', 33)]
print(sorted(records, key=lambda r: (r[0], r[1])))
print(sorted(records, key=lambda r: r[2], reverse=True)[0])
