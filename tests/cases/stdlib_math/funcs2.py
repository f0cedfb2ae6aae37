# Two-argument float functions and the special values of pow/atan2/fmod.
import math

vals = [0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 2.5, 3.0, -3.0, 1e-310, 1e308,
        -1e308, math.inf, -math.inf, math.nan, 7.25, -0.75, 1e10, 5, -7]
for name in ["pow", "atan2", "fmod", "remainder", "copysign", "nextafter",
             "hypot", "log", "dist2"]:
    out = []
    for x in vals:
        for y in vals:
            try:
                if name == "dist2":
                    r = math.dist((x, 1.0), (y, -2.0))
                else:
                    r = getattr(math, name)(x, y)
                out.append(repr(r))
            except (ValueError, OverflowError, ZeroDivisionError) as e:
                out.append(type(e).__name__ + ":" + str(e))
    print(name, " ".join(out))

for x, i in [(1.0, 1023), (1.0, 1024), (0.75, -1074), (0.5, -1074),
             (0.7, -1073), (1.5, -1075), (-3.0, 10), (1.0, 10**30),
             (1.0, -10**30), (0.0, 10**30), (math.inf, -5), (123.456, -1060)]:
    try:
        print("ldexp", x, i, repr(math.ldexp(x, i)))
    except OverflowError as e:
        print("ldexp", x, i, "OverflowError", e)
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1e308, 1e308))
print(math.hypot(1, 2, 3, 4, 5, 6, 7), math.hypot(5e-324, 5e-324, 1e-320))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1))
print(math.dist([1, 2, 3], (4.5, 6, -1)), math.dist((), ()))
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
