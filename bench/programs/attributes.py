# Attribute access: instance attribute loads and stores, class attribute
# loads through instances and through the class, class attribute updates,
# attributes on module-level objects and inherited class attributes.
class Config:
    scale = 3
    offset = 7
    label = "cfg"


class Derived(Config):
    offset = 11


class Particle:
    gravity = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.vx = 1
        self.vy = 0
        self.hits = 0

    def move(self):
        self.vy -= self.gravity
        self.x += self.vx
        self.y += self.vy
        if self.y < 0:
            self.y = -self.y
            self.vy = -self.vy
            self.hits += 1


class Holder:
    pass


def run(n):
    parts = [Particle(i, 100 + i) for i in range(20)]
    h = Holder()
    h.a = 0
    h.b = 1
    cfg = Config()
    der = Derived()
    total = 0
    for i in range(n):
        p = parts[i % 20]
        p.move()
        h.a = h.a + p.x - p.hits
        h.b = (h.b * 3 + h.a) & 0xFFFF
        total += cfg.scale * der.offset + Config.offset + Derived.scale
        if i % 1000 == 0:
            Particle.gravity = 1 + (i // 1000) % 3
            Config.scale += 1
    total += h.a + h.b + sum(p.hits + p.y for p in parts) + len(der.label)
    return total


print(run(550000))
