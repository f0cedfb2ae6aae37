class A(yield):
    pass
