f''
f'plain'
