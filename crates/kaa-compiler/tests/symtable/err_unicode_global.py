def f(é):
    ñ = 1; global é
