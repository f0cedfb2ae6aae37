text = 'the rain in spain falls mainly on the plain the end'
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
letters = {}
for ch in text.replace(' ', ''):
    letters.setdefault(ch, []).append(ch)
print({k: len(v) for k, v in letters.items()})
inv = {}
for k, v in counts.items():
    inv.setdefault(v, []).append(k)
print(inv)
groups = {}
for n in range(20):
    groups.setdefault(n % 3, []).append(n)
print(groups)
print(max(counts, key=counts.get), min(counts.values()), sum(counts.values()))
