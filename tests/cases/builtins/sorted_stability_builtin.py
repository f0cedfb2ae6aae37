data = ['bb', 'a', 'ccc', 'dd', 'e', 'fff']
print(sorted(data, key=len), sorted(data, key=len, reverse=True))
print(sorted(data, key=lambda s: (len(s), s)), sorted(sorted(data), key=len))
print(sorted([3, 1, 2], key=lambda x: 0), sorted([[3, 1], [2]], key=len), sorted((5, 2, 9)))
print(sorted({'b': 1, 'a': 2}.items()), sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1]))
print(sorted([True, False, 0, 1]), sorted([1.5, 1, 0.5, 2]), sorted(['B', 'a', 'C']), sorted(['B', 'a', 'C'], key=str.upper))
