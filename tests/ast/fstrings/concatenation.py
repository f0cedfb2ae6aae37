s = 'a' f'{b}' 'c'
t = f'{x}' f'{y}'
u = ('abc'
     f'{d}'
     "e")
