IO.inspect([1, 2, 3] |> Enum.map(&(&1 * 2)) |> Enum.sum())
"  Hello World  "
|> String.trim()
|> String.downcase()
|> String.split(" ")
|> Enum.join("-")
|> IO.puts()
IO.inspect(1..10 |> Enum.filter(&(rem(&1, 2) == 0)) |> Enum.map(&(&1 * &1)) |> Enum.take(3))
IO.inspect(%{a: 1} |> Map.put(:b, 2) |> Map.to_list())
IO.inspect("abc" |> String.graphemes() |> Enum.reverse() |> Enum.join())
defmodule P do
  def wrap(x, tag), do: {tag, x}
  def inc(x), do: x + 1
end
IO.inspect(5 |> P.inc() |> P.inc() |> P.wrap(:num))
IO.inspect(5 |> P.inc |> P.wrap(:no_parens))
IO.inspect([3, 1, 2] |> Enum.sort() |> hd())
IO.inspect(:crypto_like |> Atom.to_string() |> String.length())
IO.inspect("x" |> (&(&1 <> &1)).())
IO.inspect(10 |> then(&(&1 * 3)))
IO.inspect(10 |> tap(&IO.inspect(&1, label: "tapped")) |> Kernel.+(1))
result =
  [%{name: "b", score: 2}, %{name: "a", score: 3}, %{name: "c", score: 1}]
  |> Enum.sort_by(& &1.score, :desc)
  |> Enum.map(& &1.name)
IO.inspect(result)
