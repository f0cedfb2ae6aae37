text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""
lines = text.splitlines()
words = [w.strip(',.').lower() for w in text.split()]
print(len(lines), len(words), len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(top)
print(max(words, key=len), min(words, key=len), sum(map(len, words)) / len(words))
print([line.split(',')[0] for line in lines])
print({len(w) for w in words} == set(map(len, words)), sorted({w[0] for w in words}))
caps = ' '.join(w.capitalize() for w in lines[0].split())
print(caps)
print(text.count('it was'), text.lower().count('it was'), text.find('wisdom'), text.rfind('season'))
