def f():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print('body', i)
        finally:
            print('finally', i)
    return 'done'
print(f())
def g():
    while True:
        try:
            return 'from try'
        finally:
            print('cleanup')
print(g())
def h():
    for i in range(3):
        try:
            pass
        finally:
            if i == 1:
                break
    return i
print(h())
def k():
    try:
        return 1
    finally:
        return 2
print(k())
def m():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            continue
        finally:
            print('m finally', i)
    return 'm done'
print(m())
