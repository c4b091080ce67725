IO.puts("this file never runs")
list = [1, 2,, 3]
IO.inspect(list)
