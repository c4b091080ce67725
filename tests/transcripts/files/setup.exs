greeting = Greeter.hello("Ada")
count = 3
IO.puts("setup.exs imported")
