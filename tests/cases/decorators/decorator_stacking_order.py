order = []
def tag(name):
    order.append(f'factory {name}')
    def deco(fn):
        order.append(f'apply {name}')
        def wrapper():
            return f'<{name}>' + fn() + f'</{name}>'
        return wrapper
    return deco
@tag('b')
@tag('i')
@tag('u')
def text():
    return 'hi'
print(order)
print(text())
