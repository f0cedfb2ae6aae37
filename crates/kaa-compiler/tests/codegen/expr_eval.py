a + b * 2 if c else [d, e]
