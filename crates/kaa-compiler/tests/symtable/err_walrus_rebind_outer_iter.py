r = [[(i := 0) for j in range(3)] for i in range(3)]
