# Enum's functions over a map or a range with a fn that raises: the frames
# between the fn and the caller are Elixir's (its reducer with the captured
# fun in its arity, :maps.fold_1/3 in maps.erl, the Enum function at the line
# of the reduce/3 clause the compiler inlined into it).
m = %{a: 1, b: 2}

for {name, f} <- [
      each: fn -> Enum.each(m, fn {_k, v} -> v + :a end) end,
      map: fn -> Enum.map(m, fn {_k, v} -> v + :a end) end,
      reduce: fn -> Enum.reduce(m, 0, fn {_k, v}, acc -> v + acc + :a end) end,
      filter: fn -> Enum.filter(m, fn {_k, v} -> v + :a end) end,
      count: fn -> Enum.count(m, fn {_k, v} -> v + :a end) end,
      for_map: fn -> for {k, v} <- m, do: {k, v + :a} end,
      range_map: fn -> Enum.map(1..2, fn x -> x + :a end) end,
      range_each: fn -> Enum.each(1..2, fn x -> x + :a end) end,
      range_reduce: fn -> Enum.reduce(1..2, 0, fn x, a -> x + a + :a end) end,
      range_filter: fn -> Enum.filter(3..1//-1, fn x -> x + :a end) end,
      list_each: fn -> Enum.each([1], fn x -> x + :a end) end
    ] do
  try do
    f.()
  rescue
    _ ->
      frames = Enum.reject(__STACKTRACE__, fn {mod, _, _, _} -> mod in [:elixir_compiler_0, :erlang, :elixir_compiler, :elixir_lexical] end)
      IO.inspect({name, frames})
  end
end
