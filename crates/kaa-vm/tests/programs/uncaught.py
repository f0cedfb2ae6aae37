def compute(values):
    return values[0] / values[1]

def main():
    data = {"a": [1, 0]}
    return compute(data["a"])

try:
    main()
except ZeroDivisionError:
    x = [1, 2, 3]
    print(x[10])
