# symtable-mode: single
for i in range(3): print(i, j)
