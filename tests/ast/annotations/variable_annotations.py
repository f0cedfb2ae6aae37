x: int
y: 'str'
z: list[dict[str, int]] = []
w: int | None = None
