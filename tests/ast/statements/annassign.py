x: int
y: list[int] = []
self.attr: str = 'a'
d['k']: float = 1.0
(z): int = 3
