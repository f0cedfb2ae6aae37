print_ = 1
True_ = 2
None_ = 3
nonlocal_ = 4
