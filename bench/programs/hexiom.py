# Backtracking search in the spirit of Hexiom: numbered tiles go on a
# hexagonal board so that every tile's number equals the count of its
# occupied neighbours. Puzzles come from an own LCG; all solutions are
# counted.
DIRECTIONS = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1)]


def hex_cells(radius):
    cells = []
    for q in range(-radius, radius + 1):
        for r in range(-radius, radius + 1):
            if -radius <= q + r <= radius:
                cells.append((q, r))
    return cells


class Board:
    def __init__(self, radius):
        self.cells = hex_cells(radius)
        index = {c: i for i, c in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            near = []
            for dq, dr in DIRECTIONS:
                j = index.get((q + dq, r + dr))
                if j is not None:
                    near.append(j)
            self.neighbours.append(near)


class Solver:
    EMPTY = -1
    UNKNOWN = -2

    def __init__(self, board, tiles, hints):
        self.board = board
        self.n = len(board.cells)
        self.counts = {}
        for t in tiles:
            self.counts[t] = self.counts.get(t, 0) + 1
        self.counts[self.EMPTY] = self.n - len(tiles)
        self.values = sorted(self.counts)
        self.state = [self.UNKNOWN] * self.n
        # Hints are locked cells, as in Hexiom: (cell, tile or EMPTY).
        self.locked = [False] * self.n
        for cell, v in hints:
            self.state[cell] = v
            self.locked[cell] = True
            self.counts[v] -= 1
        self.solutions = 0
        self.nodes = 0

    def consistent(self, cell):
        # The cell just set and its neighbours must still be satisfiable.
        state = self.state
        for i in [cell] + self.board.neighbours[cell]:
            v = state[i]
            if v < 0:
                continue
            filled = 0
            open_ = 0
            for j in self.board.neighbours[i]:
                s = state[j]
                if s >= 0:
                    filled += 1
                elif s == self.UNKNOWN:
                    open_ += 1
            if filled > v or filled + open_ < v:
                return False
        return True

    def search(self, cell):
        self.nodes += 1
        if cell == self.n:
            self.solutions += 1
            return
        if self.locked[cell]:
            if self.consistent(cell):
                self.search(cell + 1)
            return
        counts = self.counts
        for v in self.values:
            if counts[v] == 0:
                continue
            counts[v] -= 1
            self.state[cell] = v
            if self.consistent(cell):
                self.search(cell + 1)
            self.state[cell] = self.UNKNOWN
            counts[v] += 1


def make_puzzle(board, seed, density):
    state = seed
    occupied = []
    for i in range(len(board.cells)):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        occupied.append(state % 100 < density)
    tiles = []
    hints = []
    for i, occ in enumerate(occupied):
        if occ:
            v = sum(1 for j in board.neighbours[i] if occupied[j])
            tiles.append(v)
            if len(tiles) % 3 == 0:
                hints.append((i, v))
        elif i % 5 == 0:
            hints.append((i, Solver.EMPTY))
    return tiles, hints


board = Board(2)
checksum = 0
total_nodes = 0
for seed in range(1, 151):
    tiles, hints = make_puzzle(board, seed, 55)
    s = Solver(board, tiles, hints)
    s.search(0)
    checksum += s.solutions * seed
    total_nodes += s.nodes
print(checksum, total_nodes)
