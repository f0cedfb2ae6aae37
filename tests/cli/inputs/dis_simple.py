x = 1
y = [x, 2.5, "s"]
if x > 0:
    print(x + y[1])
else:
    del y
