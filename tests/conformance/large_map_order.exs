# Maps with more than 32 keys are hash maps on the BEAM: their iteration
# order is the HAMT order, not the term order.
m = Map.new(1..40, fn i -> {i, i} end)
IO.inspect(Map.keys(m))
IO.inspect(m, limit: :infinity)
a = Map.new(1..33, fn i -> {String.to_atom("k#{i}"), i} end)
IO.inspect(Map.keys(a))
s = Map.new(1..35, fn i -> {"s#{i}", i} end)
IO.inspect(Map.values(s))
IO.inspect(Enum.sort(Map.keys(m)) == Enum.to_list(1..40))
IO.inspect(map_size(Map.drop(m, Enum.to_list(1..10))))
small = Map.drop(m, Enum.to_list(33..40))
IO.inspect(Map.keys(small))
