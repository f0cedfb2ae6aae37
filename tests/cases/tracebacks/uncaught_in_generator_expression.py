values = ['1', '2', 'three']
total = sum(int(v) for v in values)
