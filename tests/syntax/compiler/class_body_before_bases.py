class C(x=(yield)):
    break
