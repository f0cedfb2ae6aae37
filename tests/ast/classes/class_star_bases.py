class D(*bases):
    pass
