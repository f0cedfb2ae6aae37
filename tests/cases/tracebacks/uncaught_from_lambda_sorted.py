data = [3, 'a', 1]
print(sorted(data, key=lambda x: x * 2))
