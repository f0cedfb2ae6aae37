# strptime and strftime edge cases: digit counts, ranges, AM/PM, ISO weeks.
import time
tests = ["time.strptime('2024', '%Y')", "time.strptime('  12:30', '%H:%M')", "time.strptime('12 AM', '%I %p')",
 "time.strptime('12 pm', '%I %p')", "time.strptime('1/2/3', '%m/%d/%y')", "time.strptime('70', '%y')", "time.strptime('68', '%y')",
 "time.strptime('Feb 29 2023', '%b %d %Y')", "time.strptime('%', '%%')", "time.strptime('2024-01-01', '%Y-%m-%d %H')",
 "time.strptime('2024', '%Q')", "time.strptime(2024, '%Y')", "time.strptime('Mon', '%a')", "time.strptime('2024 366', '%Y %j')",
 "time.strptime('5', '%d').tm_zone", "time.strptime('x', 'x')", "time.strftime('héllo %Y', time.gmtime(0))",
 "time.strftime('%')", "time.strftime('%Y', (2024, 2, 30, 0, 0, 0, 0, 0, 0))", "time.strftime('%a', (2024, 1, 1, 0, 0, 0, 9, 1, 0))",
 "time.strftime('%a', (2024, 1, 1, 0, 0, 0, -1, 1, 0))", "time.strftime('%a', (2024, 1, 1, 0, 0, 0, -2, 1, 0))",
 "time.asctime((2024, 1, 1, 0, 0, 0, 0, 367, 0))", "time.mktime(time.gmtime(12345))", "time.ctime(1e10)",
 "time.gmtime(-2**40)", "time.strftime(b'%Y')", "time.sleep(-0.0)",
 "time.strftime('%j %U %W', (2023, 1, 1, 0, 0, 0, 6, 1, 0))", "time.strftime('%G-%V', (2021, 1, 3, 0,0,0, 6, 3, 0))",
 "time.strftime('%G-%V', (2020, 12, 31, 0,0,0, 3, 366, 0))", "time.strftime('%G-%V', (2018, 12, 31, 0,0,0, 0, 365, 0))"]
for t in tests:
    try: r = repr(eval(t))
    except Exception as e: r = type(e).__name__ + ": " + str(e)
    print(t, "->", r)
