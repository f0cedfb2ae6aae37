try:
    a = 1
except ValueError as e:
    print(e)
except (TypeError, KeyError):
    pass
except:
    raise
else:
    b = 2
finally:
    c = 3

def f():
    try:
        return 1
    finally:
        print("x")

def g():
    for i in range(3):
        try:
            continue
        finally:
            break

try:
    pass
except* ValueError as eg:
    pass

raise ValueError("x") from None
