defmodule Fact do
  def of(0), do: 1
  def of(n) when n > 0, do: n * of(n - 1)

  def tail(n), do: tail(n, 1)
  defp tail(0, acc), do: acc
  defp tail(n, acc), do: tail(n - 1, acc * n)
end

for n <- [0, 1, 5, 10, 20, 21, 25, 50] do
  IO.puts("#{n}! = #{Fact.of(n)}")
end

IO.inspect(Fact.tail(100))
IO.inspect(Fact.of(100) == Fact.tail(100))
IO.inspect(rem(Fact.of(30), 1_000_007))
IO.inspect(div(Fact.of(30), Fact.of(28)))
IO.inspect(Fact.of(40) |> Integer.to_string() |> String.length())
