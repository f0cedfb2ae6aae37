people = [{'name': 'Ann', 'age': 31, 'city': 'Oslo'}, {'name': 'bob', 'age': 25, 'city': 'Rome'}, {'name': 'Cid', 'age': 31, 'city': 'Bonn'}, {'name': 'dee', 'age': 19, 'city': 'Oslo'}]
print([p['name'] for p in sorted(people, key=lambda p: p['age'])])
print([p['name'] for p in sorted(people, key=lambda p: (-p['age'], p['name']))])
print([p['name'] for p in sorted(people, key=lambda p: p['name'].lower(), reverse=True)])
print([p['name'] for p in sorted(people, key=lambda p: (p['city'], p['age']))])
by_city = {}
for p in people:
    by_city.setdefault(p['city'], []).append(p['name'])
print(by_city)
print(sorted(range(-5, 6), key=lambda x: (x * x, x)), sorted('Mississippi', key=lambda c: (c.lower(), c)))
