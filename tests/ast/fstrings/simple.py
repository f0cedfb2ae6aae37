f'hello {name}'
F'{x}{y}'
