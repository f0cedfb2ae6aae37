# symtable-mode: eval
[x + y for x in data] + list(map(lambda v: v * k, (g for g in gens)))
