

x = 1  # trailing comment


# comment
y = 2

