scores = {'ann': 91, 'bob': 78, 'cid': 85, 'dee': 91}
for name in scores:
    print(name, end=' ')
print()
for name, s in scores.items():
    print(f'{name}:{s}', end=' ')
print()
print(max(scores, key=scores.get), min(scores.items(), key=lambda kv: kv[1]), sorted(scores, key=lambda k: (-scores[k], k)))
print([k for k, v in scores.items() if v > 80], sum(scores.values()) / len(scores))
inverted = {}
for k, v in scores.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
print(dict(zip(scores.values(), scores.keys())))
print(list(enumerate(scores)), dict(sorted(scores.items(), key=lambda kv: kv[1])))
