pairs = [('Straße', 'STRASSE'), ('ΣΑΣ', 'σας'), ('ﬀ', 'FF'), ('İ', 'i̇'), ('Hello', 'hELLO'), ('K', 'k')]
for a, b in pairs:
    print(a, b, a.lower() == b.lower(), a.casefold() == b.casefold(), a.upper() == b.upper())
print(sorted(['b', 'A', 'a', 'B', 'ä'], key=str.casefold), sorted(['b', 'A', 'a', 'B', 'ä']))
