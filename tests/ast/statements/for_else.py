for i, v in enumerate(items):
    print(i, v)
else:
    print('no break')
