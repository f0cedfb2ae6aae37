f'{x #comment}'
