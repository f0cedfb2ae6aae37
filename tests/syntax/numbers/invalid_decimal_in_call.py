print(1_000a)
