try:
    f()
except Exception:
    g()
else:
    h()
finally:
    i()
