for a in [7.5, -7.5, 0.0, -0.0, 1e-300]:
    for b in [2.0, -2.0, 0.1, float('inf'), -float('inf')]:
        print(a, b, a // b, a % b, divmod(a, b) == (a // b, a % b))
