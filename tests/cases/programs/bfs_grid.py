grid = [
    'S.#.....',
    '.##.###.',
    '....#...',
    '.##...#E',
]
h, w = len(grid), len(grid[0])
start = next((r, c) for r in range(h) for c in range(w) if grid[r][c] == 'S')
end = next((r, c) for r in range(h) for c in range(w) if grid[r][c] == 'E')
queue = [start]
prev = {start: None}
while queue:
    cur = queue.pop(0)
    if cur == end:
        break
    r, c = cur
    for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
        if 0 <= nr < h and 0 <= nc < w and grid[nr][nc] != '#' and (nr, nc) not in prev:
            prev[(nr, nc)] = cur
            queue.append((nr, nc))
path = []
node = end
while node:
    path.append(node)
    node = prev[node]
path.reverse()
print(len(path) - 1, path)
rows = [list(r) for r in grid]
for r, c in path[1:-1]:
    rows[r][c] = '*'
print('\n'.join(''.join(r) for r in rows))
