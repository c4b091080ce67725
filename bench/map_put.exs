# Map.put into a map of 100,000 keys: N new keys, one at a time.
n = String.to_integer(List.first(System.argv()) || "2000")
base = Map.new(1..100_000, fn i -> {i, i} end)
m = Enum.reduce(1..n//1, base, fn i, acc -> Map.put(acc, -i, i) end)
IO.puts(map_size(m))
