items = []
items.apend(3)
