IO.puts("never")
x = (1 + 2))
