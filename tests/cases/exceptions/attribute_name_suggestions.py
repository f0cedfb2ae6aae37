class Thing:
    def __init__(self):
        self.value = 1
        self.values = [1]
t = Thing()
try:
    t.valeu
except AttributeError as e:
    print('AttributeError:', e, e.name, e.obj is t)
try:
    'abc'.uper()
except AttributeError as e:
    print('AttributeError:', e)
number = 5
try:
    numbr
except NameError as e:
    print('NameError:', e, e.name)
try:
    pritn
except NameError as e:
    print('NameError:', e)
def f():
    local_var = 1
    return local_vra
try:
    f()
except NameError as e:
    print('NameError:', e)
