obj.method(1, key=2, other=3, key=4)
