a = b \c
