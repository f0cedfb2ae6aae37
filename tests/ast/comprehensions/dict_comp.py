{k: v for k, v in items}
{k: v for k in a for v in b}
