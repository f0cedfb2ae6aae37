# Sorting: list.sort and sorted on ints, strings and tuples, with key
# functions (lambdas, tuple keys, str methods), reverse=True, stability
# across multi-pass sorts, min/max with key, already-sorted and reversed
# input.
def make_records(n, seed):
    state = seed
    names = ["kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim"]
    records = []
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        records.append((names[state % 10] + str(state % 37), state % 1000, (state >> 10) % 100, i))
    return records


def run(n, seed):
    recs = make_records(n, seed)
    total = 0
    by_tuple = sorted(recs)
    total += by_tuple[0][3] + by_tuple[-1][3]
    by_score = sorted(recs, key=lambda r: r[1])
    total += by_score[n // 2][3]
    # Stable multi-pass: by age, then by score descending.
    multi = sorted(recs, key=lambda r: r[2])
    multi.sort(key=lambda r: r[1], reverse=True)
    total += sum(r[3] * k for k, r in enumerate(multi[:100]))
    by_name = sorted(recs, key=lambda r: (r[0].upper(), -r[1]))
    total += by_name[7][3]
    names = [r[0] for r in recs]
    names.sort()
    total += len(names[0]) + len(names[-1])
    names.sort(key=len, reverse=True)
    total += names.index(names[-1])
    ints = [r[1] * 1000 + r[2] for r in recs]
    ints.sort()
    ints.sort()
    ints.sort(reverse=True)
    total += ints[0] - ints[-1]
    total += min(recs, key=lambda r: (r[2], r[3]))[3] + max(recs, key=lambda r: r[1] - r[2])[3]
    words = sorted({r[0] for r in recs}, key=lambda w: (w[-1], w))
    total += len(words) + len(words[0])
    return total


checksum = 0
for seed in range(10):
    checksum = (checksum * 7 + run(8000, seed)) % 1000000007
print(checksum)
