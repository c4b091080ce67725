# Maps with more than 32 keys are hash maps on the BEAM: their iteration
# order is the HAMT order, not the term order. (Atom keys are left out: the
# BEAM hashes an atom by its slot in the atom table, which depends on every
# atom loaded before it, so even two BEAM setups can disagree.)
m = Map.new(1..40, fn i -> {i, i} end)
IO.inspect(Map.keys(m))
IO.inspect(m, limit: :infinity)
t = Map.new(1..34, fn i -> {{i, "t"}, i} end)
IO.inspect(Map.keys(t))
s = Map.new(1..35, fn i -> {"s#{i}", i} end)
IO.inspect(Map.values(s))
IO.inspect(Enum.sort(Map.keys(m)) == Enum.to_list(1..40))
IO.inspect(map_size(Map.drop(m, Enum.to_list(1..10))))
small = Map.drop(m, Enum.to_list(33..40))
IO.inspect(Map.keys(small))
