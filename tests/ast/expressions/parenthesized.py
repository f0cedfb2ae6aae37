(a)
((a + b) * c)
(yield)
