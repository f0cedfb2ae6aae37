# Parser warnings come before the compiler's.
x = 1
if x is 1: pass
y = 1if x else 2
