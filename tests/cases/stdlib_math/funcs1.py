# One-argument float functions of math over many values: every result
# printed with repr (every bit compared), every error with its message.
import math

seed = 12345


def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return seed / 2**64


special = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 1e-300, -1e-300, 5e-324,
           1e300, -1e300, 1.7976931348623157e308, math.inf, -math.inf,
           math.nan, 0.1, 3.0, 10.0, 100.0, 1e-20, 1e-10, 171.5, -171.5,
           200.5, -200.5, 0.84375, 1.25, 2.857, 6.0, 28.0, 30.0, -6.5,
           -27.9, 1e-8, 710.0, -710.0, 745.0, -745.2, 23.0, 24.0, -2.5,
           -0.3, 140.5, -140.5]
values = list(special)
for scale in (1.0, 4.0, 30.0, 300.0, 1e-5):
    for _ in range(40):
        values.append((rnd() * 2 - 1) * scale)
values += [3, -4, 10**20, True]

names = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p",
         "fabs", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
         "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma",
         "lgamma", "cbrt", "degrees", "radians", "ulp", "isfinite",
         "isinf", "isnan", "frexp", "modf"]

for name in names:
    f = getattr(math, name)
    out = []
    for x in values:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))
