x = 0b1z
