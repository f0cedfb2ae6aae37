x = 1; s = 'café \x1'
