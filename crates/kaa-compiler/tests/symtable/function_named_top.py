def top():
    x = 1
    import os
    return x
