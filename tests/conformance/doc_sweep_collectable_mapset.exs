# Collectable for MapSet gathers into a list and merges into the set when
# done; :halt answers :ok.
{acc, collect} = Collectable.into(MapSet.new([:a]))
IO.inspect(acc)
acc = Enum.reduce([:b, :c, :a], acc, fn x, acc -> collect.(acc, {:cont, x}) end)
IO.inspect(acc)
IO.inspect(collect.(acc, :done))
IO.inspect(collect.(acc, :halt))
IO.inspect(Enum.into([3, 1, 2, 3], MapSet.new([0])))
IO.inspect(for x <- 1..5, rem(x, 2) == 1, into: MapSet.new(), do: x * 10)
