n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print('n', n)
else:
    print('while else runs', n)
while True:
    n -= 1
    if n < 2:
        break
else:
    print('not printed')
print('after break', n)
i = 0
while i < 3:
    j = 0
    while j < 3:
        if j == i:
            break
        print(i, j)
        j += 1
    i += 1
count = 0
while count < 1000000:
    count += 7
print(count)
x = 10
while x:
    x //= 2
    print(x, end=' ')
print()
