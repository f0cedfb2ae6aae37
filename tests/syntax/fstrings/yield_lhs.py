f'{yield = 1}'
