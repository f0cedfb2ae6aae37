class C():
    pass
