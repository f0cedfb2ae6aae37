na·me = 1
x = a–b
