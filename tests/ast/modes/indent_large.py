# ast-args: --indent 8
class C:
    x = 1
