n = 123456
for spec in ['', 'd', '10d', '<10d', '^10d', '>10d', '=+10d', '010d', '+d', ' d', '-d', ',d', '_d', '_x', 'x', 'X', '#x', '#X', 'o', '#o', 'b', '#b', '#010b', 'c', 'n', 'e', '.2f', '%', '*^12,', '08_d']:
    print(repr(spec), repr(format(n, spec)))
print(format(-42, '=8'), format(-42, '08'), format(-42, '<08'), format(0, '#b'), format(-255, '#x'))
for bad in ['s', '.2d', ',c', '=s']:
    try:
        print(format(5, bad))
    except ValueError as e:
        print('ValueError:', e)
print(format(True, 'd'), format(True, ''), format(True, '>6'), format(2 ** 70, ','), format(65, 'c'))
