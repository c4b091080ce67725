f = & &100000000
IO.inspect(f)
