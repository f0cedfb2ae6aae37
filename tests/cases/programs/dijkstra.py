def dijkstra(graph, src):
    dist = {src: 0}
    done = set()
    while True:
        cand = [(d, n) for n, d in dist.items() if n not in done]
        if not cand:
            break
        d, n = min(cand)
        done.add(n)
        for m, w in graph.get(n, []):
            if m not in dist or d + w < dist[m]:
                dist[m] = d + w
    return dist
g = {'a': [('b', 7), ('c', 9), ('f', 14)], 'b': [('c', 10), ('d', 15)], 'c': [('d', 11), ('f', 2)], 'd': [('e', 6)], 'f': [('e', 9)]}
print(sorted(dijkstra(g, 'a').items()))
print(sorted(dijkstra(g, 'c').items()), dijkstra(g, 'e'))
