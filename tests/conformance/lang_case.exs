describe = fn value ->
  case value do
    0 -> "zero"
    n when is_integer(n) and n > 0 -> "positive #{n}"
    n when is_integer(n) -> "negative #{n}"
    {:ok, result} -> "ok: #{inspect(result)}"
    {:error, _} = err -> "error tuple #{inspect(err)}"
    [] -> "empty list"
    [_ | _] = l -> "list of #{length(l)}"
    %{type: t} -> "typed #{t}"
    s when is_binary(s) -> "string #{s}"
    _ -> "something else"
  end
end

for v <- [0, 3, -3, {:ok, [1]}, {:error, :x}, [], [1, 2], %{type: :t}, "str", 1.5] do
  IO.puts(describe.(v))
end

expected = 5
r = case 5 do
  ^expected -> :pinned_match
  _ -> :no
end
IO.inspect(r)

IO.inspect(case {1, 2} do
  {a, a} -> :same
  {a, b} when a < b -> :ascending
  _ -> :other
end)

x = case :nested do
  :nested ->
    case [1] do
      [y] -> y + 1
    end
end
IO.inspect(x)

map = %{"status" => 200, "body" => "ok"}
IO.inspect(case map do
  %{"status" => 200, "body" => body} -> {:ok, body}
  %{"status" => code} -> {:error, code}
end)

result = case Map.fetch(%{a: 1}, :a) do
  {:ok, value} -> {:reply, {:ok, value}}
  :error -> {:reply, {:error, :not_found}}
end
IO.inspect(result)

IO.inspect(case Map.pop(%{a: 1}, :b) do
  {nil, _state} -> {:error, :not_found}
  {value, new_state} -> {:ok, value, new_state}
end)
IO.inspect(case true do
  true -> "multi
line"
end)
