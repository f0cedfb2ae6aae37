texto = 'añadir' +
