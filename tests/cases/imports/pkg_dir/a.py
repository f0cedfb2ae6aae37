def fa():
    return 'fa'
