a = 1
def f():
    return a
print(f())
del a
try:
    f()
except NameError as e:
    print('NameError:', e)
a = 'rebound'
print(f())
def g():
    b = 1
    del b
    b = 2
    return b
print(g())
lst = [1, 2, 3]
for lst_item in lst:
    pass
print(lst_item)
del lst_item
print('lst_item' in globals())
