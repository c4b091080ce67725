temperature = 15
IO.puts("classifying #{temperature}")
cond do
  temperature > 30 -> IO.puts("hot")
  temperature < 0 -> IO.puts("freezing")
end
