show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e.__struct__)
      IO.inspect({e.protocol, e.value})
  end
end
show.(fn -> Enum.map(123, & &1) end)
show.(fn -> Enum.count(:atom) end)
show.(fn -> Enum.sum({1, 2}) end)
show.(fn -> to_string({1, 2}) end)
show.(fn -> "#{%{a: 1}}" end)
show.(fn -> for x <- :not_a_list, do: x end)
show.(fn -> Enum.into([1], 5) end)
show.(fn -> Enum.reduce(%{a: 1} |> Map.get(:a), 0, &+/2) end)
IO.inspect(try do Enum.count(1..2 |> Enum.sum()) rescue e -> e end)
IO.puts("done")
