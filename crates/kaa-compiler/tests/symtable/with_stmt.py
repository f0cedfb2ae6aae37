with open(p) as f, lock:
    data = f.read()
def g():
    with a as (b, c), d as e[0]:
        pass
