def outer():
    name = 1
    class C:
        name = 2
        def name(self):
            return name
        def other(self):
            name = 3
            return name
    return C
