def l1(p):
    v1 = p
    def l2():
        v2 = v1
        def l3():
            v3 = v2
            def l4():
                def l5():
                    return v1, v2, v3, p
                return l5
            return l4
        return l3
    return l2
