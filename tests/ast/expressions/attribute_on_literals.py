1 .real
1.0.real
'abc'.upper()
(1).bit_length()
