# time's deterministic parts: gmtime, struct_time, strftime of fixed
# tuples, asctime/ctime, mktime round trips, strptime.
import time

t = time.gmtime(0)
print(t)
print(isinstance(t, tuple), len(t), list(t))
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t.tm_isdst, t.tm_zone, t.tm_gmtoff)
print(t[0], t[-1], t[:3])
for secs in [0, 1, 86399, 86400, 951782400, 1e9, 1234567890.9, -1, -86401.5,
             2**31, 4102444800, 253402300799, -62135596800, 1709164800]:
    g = time.gmtime(secs)
    print(secs, list(g), time.asctime(g), time.ctime(secs))
    print(" ", time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %c %x %X %%", g))
    print(" ", time.strftime("%G %V %u %e %D %F %T %R %C %g %h", g), time.mktime(g) if secs > 0 else "")
print(time.strftime("%Y %m %d", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%A %j", (2024, 3, 1, 12, 30, 0, 6, 0, 0)))
print(time.asctime((2000, 2, 29, 23, 59, 60, 1, 60, 0)))
print(time.strptime("2024-02-29 13:45:10", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("31 Dec 99", "%d %b %y"))
print(time.strptime("Tuesday March 5 2019 07 PM", "%A %B %d %Y %I %p"))
print(time.strptime("2020 060", "%Y %j"))
print(time.strptime("Thu Jan  1 00:00:00 1970"))
for args in [("2024-13-01", "%Y-%m-%d"), ("2024-01-01x", "%Y-%m-%d"), ("abc", "%Y")]:
    try:
        time.strptime(*args)
    except ValueError as e:
        print("ValueError", e)
for bad in ["time.gmtime(float('nan'))", "time.sleep(-1)", "time.sleep('x')",
            "time.strftime('%Y', (2024, 13, 1, 0, 0, 0, 0, 1, 0))",
            "time.strftime('%Y', (2024, 1, 1, 24, 0, 0, 0, 1, 0))",
            "time.strftime('%Y', (1, 2))", "time.strftime('%Y', [1] * 9)",
            "time.asctime((2024, 1, 32, 0, 0, 0, 0, 1, 0))",
            "time.mktime((1, 2, 3))", "time.gmtime(1e30)"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
print(time.mktime((2024, 14, 1, 0, 0, 0, 0, 0, 0)) == time.mktime((2025, 2, 1, 0, 0, 0, 0, 0, 0)))
