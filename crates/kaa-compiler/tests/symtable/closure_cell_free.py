def outer():
    cell = 1
    plain = 2
    def inner():
        return cell
    return inner, plain
