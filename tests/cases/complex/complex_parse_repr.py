for s in ['1', '1j', '-1j', '1+1j', '1-1j', '(1+2j)', ' 3.5e2-1.5e-3j ', '-inf+nanj', '1e400j', '0j', '-0-0j', '+1.5J']:
    z = complex(s)
    print(repr(s), repr(z), z.real, z.imag)
for bad in ['1+', 'j1', '1+2i', '(1+2j', '1 + 2j', '']:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError:', e)
print(complex(1, 2) == complex('1+2j'), complex(1j, 1j), complex(2, -0.0), complex(-0.0, -0.0))
