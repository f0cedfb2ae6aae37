class C:
    a: int
    b: ClassVar[int] = 0
    c: 'Forward'
