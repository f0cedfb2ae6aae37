# ast-args: --mode eval -i 0
[x for x in range(3) if x]
