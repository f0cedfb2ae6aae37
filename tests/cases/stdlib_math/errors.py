# Error messages of math, as CPython raises them.
import math

class Idx:
    def __index__(self):
        return 7

class Flt:
    def __float__(self):
        return 2.25

class Fl:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"

print(math.sqrt(Flt()), math.sqrt(Idx()), math.factorial(Idx()), math.floor(Flt()))
print(math.floor(Fl()), math.ceil(Fl()), math.trunc(Fl()), math.isqrt(Idx()), math.gcd(Idx(), 21))
cases = [
    "math.sqrt(-1)", "math.sqrt('x')", "math.sqrt(None)", "math.sqrt(10**400)",
    "math.log(0)", "math.log(-1)", "math.log(-10**400)", "math.log(0.0)",
    "math.log(10, 1)", "math.log(10, 0)", "math.log2(0)", "math.log10(-2)",
    "math.exp(1000)", "math.cosh(1000)", "math.sinh(-1000)", "math.expm1(800)",
    "math.exp2(2000)", "math.atanh(1)", "math.acosh(0)", "math.asin(2)",
    "math.cos(math.inf)", "math.tan(-math.inf)", "math.log1p(-1)",
    "math.gamma(0)", "math.gamma(-2)", "math.gamma(172)", "math.gamma(-math.inf)",
    "math.lgamma(0)", "math.lgamma(-3)", "math.lgamma(1e308)",
    "math.pow(0, -1)", "math.pow(-8, 1/3)", "math.pow(10, 400)", "math.pow(-10, 401)",
    "math.fmod(1, 0)", "math.fmod(math.inf, 1)", "math.remainder(1, 0)",
    "math.remainder(math.inf, 2)", "math.ldexp(1.0, 1.5)", "math.ldexp(2.0, 1024)",
    "math.factorial(-1)", "math.factorial(2.0)", "math.factorial(10**20)",
    "math.factorial('5')", "math.comb(-1, 2)", "math.comb(5, -2)",
    "math.comb(5.0, 2)", "math.perm(-3)", "math.perm(4, -1)", "math.isqrt(-1)",
    "math.isqrt(2.0)", "math.gcd(1.5)", "math.lcm(2, 'a')",
    "math.floor(math.inf)", "math.ceil(math.nan)", "math.trunc('x')",
    "math.trunc(math.inf)", "math.floor('x')", "math.fsum([1e308, 1e308])",
    "math.fsum([math.inf, -math.inf])", "math.fsum(['a'])", "math.fsum(3)",
    "math.isclose(1, 2, rel_tol=-1)", "math.dist((1, 2), (1,))",
    "math.hypot('a')", "math.pow(1)",
    "math.isclose(1)", "math.log()", "math.log(1, 2, 3)", "math.prod()",
    "math.prod([1], 2)", "math.nextafter(1)",
    "math.copysign('a', 1)", "math.floor(None)",
]
for c in cases:
    try:
        r = eval(c)
    except Exception as e:
        print(c, "->", type(e).__name__ + ":", e)
    else:
        print(c, "=", repr(r))
print(sorted(n for n in dir(math) if not n.startswith("_")))
print(math.__name__, type(math.sqrt).__name__, repr(math.sqrt), math.pow.__name__)
