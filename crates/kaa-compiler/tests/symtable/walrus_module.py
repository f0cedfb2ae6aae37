values = [(m := v) for v in range(3)]
print(m)
if (n := len(values)) > 2:
    pass
