f"{d['key']}"
f'{"inner"}'
f'''{f"{x}"}'''
