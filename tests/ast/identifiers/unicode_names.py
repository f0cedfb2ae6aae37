café = 1
naïve = 2
日本 = 3
π = 3.14
Σ = sum
