X = 'sub_listed'
