if (n := len(a)) > 10:
    pass
while chunk := read():
    pass
[y for x in data if (y := f(x))]
print(z := 1)
f(x := 1, y=2)
