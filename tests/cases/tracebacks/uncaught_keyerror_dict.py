settings = {'host': 'localhost', 'port': 8080}
print(settings['host'])
print(settings['user'])
