# ast-args: --mode eval -a
1 + 2 * x
