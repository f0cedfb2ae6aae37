f'{{literal}} {x}'
f'{{'
f'}}'
