f'x {  } y'
