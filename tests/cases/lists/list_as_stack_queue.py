stack = []
for i in range(5):
    stack.append(i * i)
out = []
while stack:
    out.append(stack.pop())
print(out)
queue = list(range(5))
res = []
while queue:
    x = queue.pop(0)
    res.append(x)
    if x < 3:
        queue.append(x + 10)
print(res)
matrix = [[1, 2, 3], [4, 5, 6]]
t = [[row[i] for row in matrix] for i in range(3)]
print(t, list(zip(*matrix)))
flat = [x for row in matrix for x in row]
print(flat, flat.index(4), 7 in flat)
chunks = [flat[i:i + 4] for i in range(0, 10, 4)]
print(chunks)
