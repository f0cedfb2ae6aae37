'\d\w\q'
