f = fn x ->
  x + 1
IO.inspect(f.(1))
