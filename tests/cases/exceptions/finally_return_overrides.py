def f():
    try:
        raise ValueError('lost')
    finally:
        return 'finally wins'
def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
def h():
    try:
        return 'try'
    finally:
        print('h finally')
print(f(), g(), h())
def nested_finally():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(nested_finally())
