# The jump past the remaining cases has no location of its own (3.11.7
# UNSET_LOC): it takes the one of the body's last instruction.
def f(self, y):
    match y:
        case 0:
            x = True
        case 1:
            x = False
        case _:
            x = None
    self.assertIs(x, True)
