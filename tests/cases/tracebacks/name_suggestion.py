counter = 10
print(countr)
