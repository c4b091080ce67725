foo a: 1,
