# Building a map in one pass: Map.new over N pairs, then every key read back.
n = String.to_integer(List.first(System.argv()) || "200000")
m = Map.new(1..n//1, fn i -> {i, i * 2} end)
IO.puts(Enum.reduce(1..n//1, 0, fn i, acc -> acc + Map.fetch!(m, i) end))
