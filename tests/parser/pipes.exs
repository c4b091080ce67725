list
|> Enum.map(fn x -> x * 2 end)
|> Enum.filter(&(&1 > 2))
|> Enum.sum()
x |> foo
x |> foo 1
