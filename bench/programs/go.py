# A Go-style board game: random playouts on a 9x9 board with captures,
# liberties by flood fill, suicide and simple-ko checks, eye avoidance and
# area scoring. Moves come from an own LCG (no random module).
SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.neighbours = []
        for p in range(SIZE * SIZE):
            x, y = p % SIZE, p // SIZE
            near = []
            if x > 0:
                near.append(p - 1)
            if x < SIZE - 1:
                near.append(p + 1)
            if y > 0:
                near.append(p - SIZE)
            if y < SIZE - 1:
                near.append(p + SIZE)
            self.neighbours.append(near)
        self.ko = -1
        self.captured = 0

    def group(self, p):
        """The stones connected to p and whether the group has a liberty."""
        color = self.cells[p]
        stones = [p]
        seen = {p}
        has_liberty = False
        i = 0
        while i < len(stones):
            q = stones[i]
            i += 1
            for n in self.neighbours[q]:
                c = self.cells[n]
                if c == EMPTY:
                    has_liberty = True
                elif c == color and n not in seen:
                    seen.add(n)
                    stones.append(n)
        return stones, has_liberty

    def is_eye(self, p, color):
        for n in self.neighbours[p]:
            if self.cells[n] != color:
                return False
        return True

    def legal(self, p, color):
        if self.cells[p] != EMPTY or p == self.ko:
            return False
        for n in self.neighbours[p]:
            if self.cells[n] == EMPTY:
                return True
        # No direct liberty: legal only if it captures or joins a group
        # that keeps a liberty.
        self.cells[p] = color
        ok = False
        other = 3 - color
        for n in self.neighbours[p]:
            if self.cells[n] == other and not self.group(n)[1]:
                ok = True
                break
        if not ok:
            ok = self.group(p)[1]
        self.cells[p] = EMPTY
        return ok

    def play(self, p, color):
        self.cells[p] = color
        other = 3 - color
        removed = []
        for n in self.neighbours[p]:
            if self.cells[n] == other:
                stones, alive = self.group(n)
                if not alive:
                    for s in stones:
                        self.cells[s] = EMPTY
                    removed.extend(stones)
        self.captured += len(removed)
        self.ko = removed[0] if len(removed) == 1 else -1

    def score(self):
        black = white = 0
        for p, c in enumerate(self.cells):
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                owners = {self.cells[n] for n in self.neighbours[p]}
                if owners == {BLACK}:
                    black += 1
                elif owners == {WHITE}:
                    white += 1
        return black - white


def playout(rng):
    board = Board()
    color = BLACK
    passes = 0
    moves = 0
    while passes < 2 and moves < 300:
        empties = [p for p in range(SIZE * SIZE) if board.cells[p] == EMPTY]
        played = False
        # Try a few random points, then give up and pass.
        for _ in range(12):
            if not empties:
                break
            p = empties[rng.below(len(empties))]
            if not board.is_eye(p, color) and board.legal(p, color):
                board.play(p, color)
                played = True
                break
        if played:
            passes = 0
            moves += 1
        else:
            passes += 1
        color = 3 - color
    return board.score(), moves, board.captured


rng = Rng(2024)
total_score = total_moves = total_captured = wins = 0
for game in range(110):
    score, moves, captured = playout(rng)
    total_score += score
    total_moves += moves
    total_captured += captured
    if score > 0:
        wins += 1
print(total_score, total_moves, total_captured, wins)
