@dataclass(frozen=True)
class P:
    x: int
    y: int = 0
