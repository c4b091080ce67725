IO.inspect(for x <- [1, 2, 3], do: x * 2)
IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
IO.inspect(for x <- 1..10, rem(x, 2) == 0, do: x)
IO.inspect(for x <- 1..10, rem(x, 2) == 0, x > 4, do: x)
IO.inspect(for x <- 1..4, y <- x..4, x + y == 5, do: {x, y})
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}], do: v)
IO.inspect(for {k, v} <- %{a: 1, b: 2}, do: {k, v * 10})
IO.inspect(for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {k, v * 10})
IO.inspect(for x <- ~w(a b c), into: "", do: String.upcase(x))
IO.inspect(for c <- 'hey', do: c - 32)
IO.inspect(for <<c <- "abc">>, into: [], do: c)
IO.inspect(for x <- [1, 2, 3], into: %{}, do: {x, x * x})
IO.inspect(for x <- [3, 1, 2, 1, 3], uniq: true, do: x)
IO.inspect(for x <- 1..5, reduce: 0 do
  acc -> acc + x
end)
IO.inspect(for x <- ~w(a b a c b a), reduce: %{} do
  acc -> Map.update(acc, x, 1, &(&1 + 1))
end)
IO.inspect(for x <- [1, 2], y <- [10, 20], z <- [100], do: x + y + z)
IO.inspect(for x <- [], do: x)
IO.inspect(for x <- [1, nil, 2, false], x, do: x)
IO.inspect(for n <- 1..3, s = n * n, s > 1, do: s)
IO.inspect(for i <- 1..3, into: [], do: i)
IO.inspect(for(x <- [1, 2], do: x) |> Enum.sum())
res = for x <- 1..3 do
  y = x * 100
  {x, y}
end
IO.inspect(res)
IO.inspect(for {name, age} when age > 18 <- [{"a", 20}, {"b", 10}], do: name)
