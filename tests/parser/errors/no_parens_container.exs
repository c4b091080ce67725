[f a, b]
