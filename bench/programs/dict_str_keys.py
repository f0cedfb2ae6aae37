# Dicts and sets keyed by strings: word counts, lookups hit and miss,
# get/setdefault/pop, updates, membership, set algebra on str sets.
# Results never depend on set iteration order (str hashes are randomised):
# sets are reduced by len/sorted/membership only.
def make_words(n, seed):
    state = seed
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        k = 3 + state % 5
        w = ""
        s = state
        for _ in range(k):
            w += letters[s % 7]
            s //= 7
        words.append(w)
    return words


def run(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    groups = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    total = len(counts) + sum(len(g) for g in groups.values())
    probes = [w + "x" for w in words[:3000]] + words[:3000]
    for p in probes:
        if p in counts:
            total += counts[p]
    index = {w: i for i, w in enumerate(words)}
    for w in words[::7]:
        total += index[w] & 0xFF
    merged = dict(counts)
    merged.update({w.upper(): 1 for w in words[:2000]})
    total += len(merged)
    for w in words[:1500]:
        total += merged.pop(w, 0)
    a = set(words[:6000])
    b = set(words[4000:])
    total += len(a & b) + len(a | b) + len(a - b) + len(a ^ b)
    total += len(sorted(a - b)[:5]) + sum(1 for w in words[:5000] if w in b)
    for k, v in counts.items():
        total += v * len(k)
    return total


checksum = 0
for rep in range(24):
    checksum += run(make_words(12000, rep + 1))
print(checksum)
