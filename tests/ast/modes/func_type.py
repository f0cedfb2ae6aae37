# ast-args: --mode func_type
(int, str) -> bool
