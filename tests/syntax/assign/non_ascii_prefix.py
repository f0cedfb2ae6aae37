ñandú = f() = 1
