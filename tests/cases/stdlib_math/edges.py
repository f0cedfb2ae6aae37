# Edge cases of math (int subclasses, signed zeros, huge ints) and time's zone.
import math, time, cmath
class F(float): pass
class I(int): pass
class C(complex): pass
tests = ["math.ceil(I(3))", "math.log(I(100))",
 "math.factorial(I(5))", "math.isqrt(I(17))", "math.gcd(I(4), 6)", 
 "math.floor(-0.0)", "math.ldexp(1.0, True)", "math.comb(True, 1)", "math.pow(2, 0.5)",
 "time.strftime('%Z %z', (2024,1,1,0,0,0,0,1,0))", "time.strftime('%Z', time.gmtime(0))", "time.strftime('%Z', time.localtime(0))",
 "time.gmtime(0).n_fields", "time.localtime(0) == time.gmtime(0)",
 "math.hypot(*range(10))", "math.dist(range(3), [1,2,3])", "math.prod(iter([]), start='x')", 
 "math.log(2**1100, 2**1000)", "math.log10(10**1000)", "math.log2(2**1100 + 1)",
 "math.nextafter(0.0, -1)", "math.ulp(5e-324)", "math.ulp(1.7976931348623157e308)", "math.remainder(-0.0, 1)",
 "math.copysign(1, -0.0)", "math.fmod(-0.0, 1)", "math.modf(-0.0)", "math.frexp(-0.0)", "math.sqrt(-0.0)",
 "math.perm(5, None)", "math.comb(10**30, 10**30 - 2)", "math.exp(-1000)", "math.gamma(-0.5)", "math.lgamma(-0.5)",
 "math.gamma(171.6)", "math.gamma(-171.5)", "math.gamma(1e-320)", "math.erfc(-30)", "math.expm1(-0.0)"]
for t in tests:
    try: r = repr(eval(t))
    except Exception as e: r = type(e).__name__ + ": " + str(e)
    print(t, "->", r)
