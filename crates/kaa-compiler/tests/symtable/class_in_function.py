def f(arg):
    local = 1
    class C:
        a = local
        b = arg
        def m(self):
            return local
        local = 5
    return C
