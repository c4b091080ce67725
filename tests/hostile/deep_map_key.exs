# A deep term as a map key and a MapSet member.
deep = Enum.reduce(1..1_000_000, :x, fn _, acc -> [acc] end)
m = %{deep => 1, :other => 2}
IO.inspect(Map.get(m, deep))
s = MapSet.new([deep, deep, :a])
IO.inspect(MapSet.size(s))
