# cmath over finite and special complex values: every result printed with
# repr (both parts, signs of zeros included), errors with their messages.
import cmath
import math

inf, nan = math.inf, math.nan
parts = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 1e-310, 3.0, 1e300, -1e300, 710.0,
         inf, -inf, nan]
values = [complex(a, b) for a in parts for b in parts] + [2, -3.5, True, 1e308j + 1e308]

names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh",
         "tanh", "asin", "acos", "atan", "asinh", "acosh", "atanh", "phase",
         "polar", "isfinite", "isinf", "isnan"]
for name in names:
    f = getattr(cmath, name)
    out = []
    for z in values:
        try:
            out.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))

out = []
for r in parts:
    for phi in parts:
        try:
            out.append(repr(cmath.rect(r, phi)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
print("rect", " ".join(out))
print(cmath.log(8, 2), cmath.log(1j, 1 + 1j), cmath.log(-1, 10))
for bad in ["cmath.log(1, 1)", "cmath.log(0)", "cmath.sqrt('a')", "cmath.exp(1000)",
            "cmath.isclose(1, 2, rel_tol=-1)", "cmath.atanh(1)", "cmath.log(2, 0)"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j), cmath.isclose(complex(inf, 0), complex(inf, 0)))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(sorted(n for n in dir(cmath) if not n.startswith("_")))

class Z:
    def __complex__(self):
        return 3 + 4j

print(cmath.sqrt(Z()), cmath.polar(Z()), cmath.phase(-1), cmath.phase(complex(-1, -0.0)))
