# A first statement that only folding makes a string is a one-part f-string
# for 3.11 (astfold_body): loaded and popped, not a docstring.
"a" + "b"
def f():
    "x" "y" + "z"
    return 1
def g():
    "a" * 2
class C:
    "q" + "r"
def h():
    1 + 2
    "doc after"
    f"x"
    f"{x}"
async def a():
    "a" "b" * 3
    return
