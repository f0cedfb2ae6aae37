class AppError(Exception):
    pass
def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise AppError("cannot load " + key) from e
try:
    load("b")
except AppError as e:
    print("caught:", e, "| cause:", repr(e.__cause__))
def empty():
    raise ValueError
try:
    empty()
except ValueError as e:
    print(repr(e), str(e) == "")
try:
    raise OSError(2, "No such file")
except OSError as e:
    print(e.args, str(e))
load("zzz")
