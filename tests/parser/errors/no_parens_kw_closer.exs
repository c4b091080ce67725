[foo a: 1, ]
