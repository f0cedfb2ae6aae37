class Secret:
    def __init__(self):
        self.__hidden = 'h'
        self._protected = 'p'
    def reveal(self):
        return self.__hidden
    def __private_method(self):
        return 'private'
    def call_private(self):
        return self.__private_method()
s = Secret()
print(s.reveal(), s._protected, s._Secret__hidden, s.call_private(), sorted(vars(s)))
try:
    s.__hidden
except AttributeError as e:
    print('AttributeError:', e)
class Child(Secret):
    def __init__(self):
        super().__init__()
        self.__hidden = 'child'
print(sorted(vars(Child())))
