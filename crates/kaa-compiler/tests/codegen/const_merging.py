# Equal code objects (a `while` test or a `finally` body compiled twice)
# are one constant; folded NaNs are never merged; a set display's
# frozenset drops items equal by ==; bool & | ^ bool folds to a bool.
def main(s):
    while any(t.undobufferentries() for t in s.turtles()):
        for t in s.turtles():
            t.undo()
    return "runtime"


def cleanup(self):
    try:
        work()
    finally:
        fds = [open("/dev/zero") for _ in range(8)]


def nans():
    return (1e300 * 1e300 * 0, 'nan', -1e300 * 1e300 * 0, 1e300 * 1e300 * 0)


def sets(x):
    s = {1, 1.0, True}
    t = {0, False, 0.0, 0j, 2, 2.0}
    return s, t, x in {1, 1.0, True, 3}


def bools():
    return (True & 1, True & True, True | 1, True | False, True ^ 1, True ^ True)
