data = [1, 5, 10, 15, 20]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 10])
print(y)
import_like = iter(['a', 'b', ''])
while (line := next(import_like)):
    print('line', line)
values = [(v, sq) for v in range(5) if (sq := v * v) % 2 == 0]
print(values, sq)
print((total := 0), [(total := total + i) for i in range(5)], total)
def f():
    if any((hit := x) > 3 for x in [1, 2, 5, 7]):
        return hit
print(f())
print((a := 3) + a, a)
stack = [1, 2, 3]
while stack and (top := stack.pop()) != 1:
    print('popped', top)
