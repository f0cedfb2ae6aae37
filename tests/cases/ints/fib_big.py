a, b = 0, 1
for i in range(300):
    a, b = b, a + b
    if i % 30 == 0:
        print(i, a)
print(a)
print(len(str(a)), a % 10 ** 9)
