log = []
def v(x):
    log.append(x)
    return x
r = v(0) or v(0) or v(3) or v(4)
print(r, log); log.clear()
r = v(1) and v(2) and v(0) and v(4)
print(r, log); log.clear()
r = v(1) < v(2) < v(0) < v(4)
print(r, log); log.clear()
r = v(None) if v(False) else v('else')
print(r, log); log.clear()
r = [v(i) for i in range(3) if v(i % 2)]
print(r, log); log.clear()
r = not v([]) and v('reached')
print(r, log)
