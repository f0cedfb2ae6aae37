# An except* block raising a new exception: PREP_RERAISE_STAR combines it
# with the unhandled rest; the uncaught group prints with its boxes.
def f():
    raise ExceptionGroup("many", [ValueError(i) for i in range(3)] + [ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])
try:
    f()
except* TypeError:
    raise RuntimeError("new")
