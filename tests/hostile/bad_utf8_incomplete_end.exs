IO.puts(1)
Ã