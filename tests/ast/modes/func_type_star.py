# ast-args: --mode func_type -a
(*int, **str) -> None
