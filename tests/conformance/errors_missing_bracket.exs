IO.puts("this file never runs")
x = 1 +
y = [1, 2
IO.puts(x)
