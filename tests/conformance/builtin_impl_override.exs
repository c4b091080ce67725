# A program's own String.Chars/Inspect for a built-in type replaces the library's everywhere (to_string, interpolation, Enum.join, inspect); Enum's list paths ignore a redefined Enumerable.List, as Elixir's do.
defimpl String.Chars, for: Integer do
  def to_string(i), do: "int:" <> Integer.to_string(i)
end
x = 5
IO.puts to_string(x)
IO.puts "v=#{x}"
IO.puts Enum.join([1, 2], ",")
IO.inspect String.Chars.to_string(7)
IO.puts Integer.to_string(3)
IO.inspect Kernel.to_string(x)
defimpl Inspect, for: Atom do
  def inspect(a, _), do: "ATOM(" <> Atom.to_string(a) <> ")"
end
IO.inspect :hello
IO.inspect [:a, 1]
IO.puts inspect(:b)
defimpl Enumerable, for: Tuple do
  def count(t), do: {:ok, tuple_size(t)}
  def member?(_, _), do: {:error, __MODULE__}
  def slice(_), do: {:error, __MODULE__}
  def reduce(t, acc, fun), do: Enumerable.List.reduce(Tuple.to_list(t), acc, fun)
end
IO.inspect Enum.map({1, 2, 3}, & &1 * 2)
IO.inspect Enum.count({1, 2})
defimpl Enumerable, for: List do
  def count(_), do: {:ok, 42}
  def member?(_, _), do: {:error, __MODULE__}
  def slice(_), do: {:error, __MODULE__}
  def reduce(l, acc, fun), do: :lists.foldl(fn x, {:cont, a} -> fun.(x, a) end, acc, l) |> then(fn {:cont, a} -> {:done, a} end)
end
IO.inspect Enum.count([1, 2])
IO.inspect Enum.map([1, 2], & &1)
