café = 1
IO.puts(café)
