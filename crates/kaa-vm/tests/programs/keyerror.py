d = {"present": 1}
print("before")
value = d["missing"] + 1
