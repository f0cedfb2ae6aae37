class C(Base, __debug__=True):
    pass
