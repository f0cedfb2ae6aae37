r = [x for x in [a for a in (b := [])]]
