p = r'C:\'
