with (open(a) as f, open(b) as g,) as h:
    pass
