show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e)
  end
end
show.(fn -> String.to_integer("12x") end)
show.(fn -> String.to_float("1") end)
show.(fn -> String.to_existing_atom("surely_not_an_existing_atom_xyz") end)
show.(fn -> elem({1, 2}, 5) end)
show.(fn -> hd([]) end)
show.(fn -> tl([]) end)
show.(fn -> length([1 | 2]) end)
show.(fn -> byte_size(:atom) end)
show.(fn -> List.to_tuple(:x) end)
show.(fn -> Atom.to_string("s") end)
show.(fn -> :erlang.binary_to_atom(<<1, 2>>, :latin1) |> is_atom() |> IO.inspect() end)
show.(fn -> raise ArgumentError end)
show.(fn -> raise ArgumentError, "custom argument message" end)
show.(fn -> Enum.at(:x, 1) end)
show.(fn -> Integer.parse(:x) end)
show.(fn -> "#{[a: 1]}" end)
show.(fn -> Range.new(1, :b) end)
show.(fn -> String.duplicate("a", -1) end)
IO.puts("done")
