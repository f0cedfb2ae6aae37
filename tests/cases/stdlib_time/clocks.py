# Clocks: types and ordering only (the values vary).
import time

a = time.monotonic(); b = time.monotonic()
print(type(a).__name__, b >= a)
a = time.monotonic_ns(); b = time.monotonic_ns()
print(type(a).__name__, b >= a)
a = time.perf_counter(); time.sleep(0.01); b = time.perf_counter()
print(type(a).__name__, b - a >= 0.009)
a = time.perf_counter_ns(); b = time.perf_counter_ns()
print(type(a).__name__, b >= a)
print(type(time.process_time()).__name__, type(time.process_time_ns()).__name__)
t = time.time(); n = time.time_ns()
print(type(t).__name__, type(n).__name__, t > 1.6e9, abs(n / 1e9 - t) < 5)
print(time.sleep(0), time.sleep(0.001))
lt = time.localtime()
print(len(lt), lt.tm_year >= 2024)
print(time.gmtime()[:1] == time.gmtime(time.time())[:1])
print(time.localtime(0), time.localtime(0).tm_zone)
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(time.ctime(0), time.gmtime(5.99).tm_sec, time.gmtime(-0.5).tm_sec)
print(sorted(n for n in dir(time) if not n.startswith("_") and n not in (
    "CLOCK_BOOTTIME", "CLOCK_MONOTONIC", "CLOCK_MONOTONIC_RAW", "CLOCK_PROCESS_CPUTIME_ID",
    "CLOCK_REALTIME", "CLOCK_TAI", "CLOCK_THREAD_CPUTIME_ID", "clock_getres",
    "clock_gettime", "clock_gettime_ns", "clock_settime", "clock_settime_ns",
    "get_clock_info", "pthread_getcpuclockid", "thread_time", "thread_time_ns",
    "tzset")))
