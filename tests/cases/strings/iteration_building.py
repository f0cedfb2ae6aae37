s = 'The quick brown fox jumps over the lazy dog'
counts = {}
for ch in s.lower():
    if ch.isalpha():
        counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items())[:10], len(counts))
print(' '.join(w[::-1] for w in s.split()))
print(' '.join(w.capitalize() for w in s.split()))
acro = ''.join(w[0] for w in s.split()).upper()
print(acro)
vowels = sum(1 for c in s if c in 'aeiouAEIOU')
print(vowels)
parts = []
for i, w in enumerate(s.split()):
    parts.append(f'{i}:{w}')
print(','.join(parts))
res = ''
for i in range(20):
    res += str(i % 10)
print(res, len(res))
print(sorted(s.split(), key=len), sorted(s.split(), key=str.lower))
