show = fn f ->
  try do
    f.()
  rescue
    e ->
      IO.puts(Exception.message(e))
      IO.inspect(e)
  end
end

show.(fn -> {:ok, _} = {:error, :nope} end)
show.(fn -> [_, _] = [1, 2, 3] end)
show.(fn -> %{a: _} = %{b: 1} end)
show.(fn -> "abc" = "abd" end)
show.(fn -> <<_::8>> = <<1, 2>> end)
x = 1
show.(fn -> ^x = 2 end)
show.(fn -> {:ok, _} = {:error, %{reason: "a long explanation", details: [1, 2, 3], more: Enum.to_list(1..30)}} end)
show.(fn ->
  case :unexpected do
    :a -> 1
    :b -> 2
  end
end)
show.(fn ->
  case {1, "two"} do
    {2, _} -> :no
  end
end)
show.(fn ->
  cond do
    1 > 2 -> :no
    false -> :no
  end
end)
show.(fn ->
  with {:ok, v} <- {:error, :reason} do
    v
  else
    {:error, :other} -> :no
  end
end)
show.(fn ->
  with {:ok, v} <- {:ok, 1},
       true <- v > 5 do
    v
  else
    :nothing -> :no
  end
end)
IO.puts("done")
