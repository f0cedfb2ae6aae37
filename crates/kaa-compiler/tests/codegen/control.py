x = 0
if x:
    y = 1
elif x > 2:
    y = 2
else:
    y = 3
while x < 10:
    x += 1
    if x == 5:
        continue
    if x == 8:
        break
else:
    pass
for i in range(3):
    print(i)
else:
    print("done")
for a, b in [(1, 2)]:
    pass
while True:
    break
z = 1 if x else 2
w = x and y or z
assert x, "msg"
assert y
if not x:
    pass
if x is None:
    pass
if x is not None and y in [1, 2]:
    pass
if 1 < x < 3:
    pass
v = 1 < x < 3
