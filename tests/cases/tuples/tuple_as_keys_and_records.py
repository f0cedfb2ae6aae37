grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (0, 0) in grid, len(grid))
neighbors = lambda r, c: [(r + dr, c + dc) for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)) if (r + dr, c + dc) in grid]
print(neighbors(0, 0), neighbors(1, 1))
people = [('ann', 30), ('bob', 25)]
name, age = max(people, key=lambda p: p[1])
print(name, age, sorted(people, key=lambda p: p[1]))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): 'a', (1, 2): 'b'}, len({(0, 0), (0, 0.0), (False, 0)}))
