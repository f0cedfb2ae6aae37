# ast-args: --mode eval
lambda x: x + 1
