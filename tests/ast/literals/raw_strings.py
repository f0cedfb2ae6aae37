r'\n\d'
R'raw'
r'''a\b'''
r"\""
