x = 1
IO.puts(x)
Ã
