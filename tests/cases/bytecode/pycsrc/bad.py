def bad(:
    pass
