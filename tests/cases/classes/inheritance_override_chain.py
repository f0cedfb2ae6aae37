class A:
    def __init__(self):
        self.trace = ['A']
    def run(self):
        return 'A.run'
    def template(self):
        return f'[{self.run()}]'
class B(A):
    def __init__(self):
        super().__init__()
        self.trace.append('B')
    def run(self):
        return 'B.run+' + super().run()
class C(B):
    def run(self):
        return 'C.run+' + super().run()
for cls in (A, B, C):
    obj = cls()
    print(cls.__name__, obj.trace, obj.template(), isinstance(obj, A), type(obj).__mro__[-2].__name__)
