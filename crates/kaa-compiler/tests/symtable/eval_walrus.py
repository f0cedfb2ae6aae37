# symtable-mode: eval
[(y := x) for x in range(3)]
