x@y = 1
