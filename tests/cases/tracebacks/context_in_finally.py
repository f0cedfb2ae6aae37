try:
    print('try')
    raise IndexError('first')
finally:
    print('finally')
