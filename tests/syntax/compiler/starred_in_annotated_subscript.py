x[*a]: int
