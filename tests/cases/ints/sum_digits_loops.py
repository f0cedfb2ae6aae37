total = 0
for i in range(1, 10001):
    total += sum(int(d) for d in str(i))
print(total)
s = 0
i = 0
while i < 1000:
    s += i * i - 3 * i + 7
    i += 1
print(s)
acc = 1
for k in range(1, 60):
    acc = (acc * 31 + k) % 1000000007
print(acc)
print(sum(x * x for x in range(100) if x % 3 == 1))
print(max(x * (50 - x) for x in range(50)))
