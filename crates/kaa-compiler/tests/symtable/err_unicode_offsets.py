def fé(ü, ü):
    pass
