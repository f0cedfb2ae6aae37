if x:
    pass
    # comment at end
