# Set displays of constants (BUILD_SET + a frozenset constant + SET_UPDATE)
# print in CPython's order.
print({'apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'})
print({'é', 'ü', 'ß', '日本', '\U0001f600', 'a'})
print({'a', 1, 2.5, (1, 'b')})
print({'x', 'y', 'z'} | {'w'})
