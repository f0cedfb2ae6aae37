r = [x for y in z if (j := y) for j in y]
