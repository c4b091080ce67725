x = ~s$abc$
