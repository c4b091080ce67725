IO.puts("starting")
IO.inspect([1, 2, 3])
raise "something went wrong"
