show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e)
  end
end
not_map = String.to_atom("not_a_map")
m = %{a: 1}
show.(fn -> Map.get(not_map, :a) end)
show.(fn -> Map.put([1], :a, 1) end)
show.(fn -> %{not_map | a: 1} end)
show.(fn -> not_map.field end)
show.(fn -> m.missing end)
show.(fn -> %{m | missing: 2} end)
show.(fn -> Map.fetch!(m, :b) end)
show.(fn -> Map.fetch!(%{"k" => 1}, "j") end)
show.(fn -> Keyword.fetch!([a: 1], :b) end)
show.(fn -> Map.update!(m, :z, & &1) end)
show.(fn -> Map.fetch!(Map.new(1..5, &{&1, &1}), 9) end)
show.(fn -> map_size(:x) end)
show.(fn -> Map.keys("str") end)
IO.puts("done")
