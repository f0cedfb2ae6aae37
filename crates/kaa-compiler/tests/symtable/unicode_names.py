def fonction(données, ñ=1):
    résultat = données
    def intérieur():
        return résultat, ñ
    return intérieur
ℌ = 1
