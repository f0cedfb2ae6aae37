# The module-level functions share one hidden instance.
import random

random.seed(2024)
print(random.random(), random.randint(-5, 5), random.randrange(3, 300, 9))
print(random.choice(["x", "y", "z"]), random.choices("ab", k=6))
xs = list("kaa-python"); random.shuffle(xs); print("".join(xs))
print(random.sample(range(1000), 12))
print(random.uniform(-1, 1), random.gauss(), random.normalvariate(10, 3))
print(random.getrandbits(200), random.randbytes(4))
state = random.getstate()
first = [random.random() for _ in range(5)]
random.setstate(state)
print(first == [random.random() for _ in range(5)])
# More than 624 draws crosses a state refill.
random.seed(-99)
total = 0.0
for i in range(2000):
    total += random.random()
print(total, random.getrandbits(64))
# Seeds that are equal as ints give equal draws; big and negative ints.
for s in [10, -10, 10.0, True, 2 ** 64, -(2 ** 64), 2 ** 31 - 1, 2 ** 32, 12345678901234567890]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(40))
random.seed("", version=1); print(random.random())
random.seed(b"kaa", version=1); print(random.random())
random.seed("kaa", version=2); print(random.random())
random.seed(bytearray(b"kaa")); print(random.random())
# sample's set strategy on a large population.
random.seed(7)
print(random.sample(range(10 ** 9), 30))
print(random.sample(list(range(50)), 50) == sorted(random.sample(list(range(50)), 50)))
print(sorted(random.sample(range(50), 50)) == list(range(50)))
