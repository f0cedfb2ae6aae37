this line is not python (
x = [1,
