words = ~w(apple avocado banana blueberry cherry apricot)
IO.inspect(Enum.group_by(words, &String.first/1))
IO.inspect(Enum.group_by(words, &String.length/1, &String.upcase/1))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2, 2, :discard))
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 3, 1, :discard))
IO.inspect(Enum.chunk_every([1, 2, 3], 2, 2, [:pad]))
IO.inspect(Enum.chunk_by([1, 1, 2, 3, 3, 1], & &1))
IO.inspect(Enum.chunk_while([1, 2, 3, 4, 5], [], fn x, acc ->
  if rem(x, 2) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]}
end, fn
  [] -> {:cont, []}
  acc -> {:cont, Enum.reverse(acc), []}
end))
IO.inspect(Enum.map_reduce([1, 2, 3], 0, fn x, acc -> {x * 2, acc + x} end))
IO.inspect(Enum.scan([1, 2, 3, 4], &+/2))
IO.inspect(Enum.scan([1, 2, 3], 10, &+/2))
IO.inspect(Enum.reduce_while(1..100, 0, fn x, acc ->
  if acc + x > 20, do: {:halt, acc}, else: {:cont, acc + x}
end))
IO.inspect(Enum.intersperse([1, 2, 3], 0))
IO.inspect(Enum.split_while([1, 2, 3, 1], &(&1 < 3)))
IO.inspect(Enum.count_until(1..100, 5))
IO.inspect(Enum.zip([[1, 2], [3, 4], [5, 6]]))
IO.inspect(Enum.product([]))
IO.inspect(Enum.map_every(1..10, 3, &(&1 * 100)))
IO.inspect(Enum.take_every(1..10, 4))
IO.inspect(Enum.reverse([1, 2, 3], [4, 5]))
IO.inspect(Enum.filter(%{a: 1, b: 2, c: 3}, fn {_, v} -> v >= 2 end))
IO.inspect(Enum.map(%{a: 1, b: 2}, fn {k, v} -> {k, v + 1} end) |> Map.new())
IO.inspect(Enum.reject(%{a: 1, b: nil}, fn {_, v} -> is_nil(v) end) |> Enum.into(%{}))
IO.inspect(Enum.sum(Map.values(%{a: 1, b: 2})))
IO.inspect(Enum.at(%{a: 1}, 0))
IO.inspect(Enum.with_index(~w(x y z)) |> Enum.map(fn {w, i} -> "#{i}:#{w}" end))
IO.inspect(Enum.into([a: 1, b: 2], %{}, fn {k, v} -> {v, k} end))
IO.inspect(Enum.each(%{}, fn _ -> :never end))
IO.inspect(Enum.min_max_by(~w(ccc a bb), &String.length/1))
IO.inspect(Enum.dedup_by([{1, :a}, {1, :b}, {2, :c}], &elem(&1, 0)))
