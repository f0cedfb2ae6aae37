print('hello'

def f():
    pass
