[(a, b) for a, b in pairs]
{a: b for (a, b) in pairs}
