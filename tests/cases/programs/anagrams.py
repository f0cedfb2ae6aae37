words = ['listen', 'silent', 'enlist', 'google', 'gooegl', 'cat', 'act', 'tac', 'dog', 'god', 'odg', 'bird']
groups = {}
for w in words:
    groups.setdefault(''.join(sorted(w)), []).append(w)
for key, g in groups.items():
    print(key, g)
print(sorted((len(g), sorted(g)[0]) for g in groups.values()))
print([g for g in groups.values() if len(g) > 2])
def is_anagram(a, b):
    count = {}
    for c in a:
        count[c] = count.get(c, 0) + 1
    for c in b:
        count[c] = count.get(c, 0) - 1
    return all(v == 0 for v in count.values())
print(is_anagram('dormitory', 'dirtyroom'), is_anagram('abc', 'abd'))
