print("startup")
x = 42
