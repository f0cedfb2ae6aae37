class C:
    global __g
    __g = 1
    def m(self):
        global __h
        __h = 2
        __v = 1
        def inner():
            nonlocal __v
            __v = 2
        return inner
