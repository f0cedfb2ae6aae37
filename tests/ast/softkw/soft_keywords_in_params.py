def f(match, case, _):
    return match + case
