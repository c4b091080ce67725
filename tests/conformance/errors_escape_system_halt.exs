IO.puts("halting with status 3")
System.halt(3)
IO.puts("not reached")
