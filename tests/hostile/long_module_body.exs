# limit: 60
# A module body whose work takes some sixty million reductions compiles:
# compile-time code has no budget of its own, as in Elixir.
defmodule Long do
  total = Enum.reduce(1..20_000_000, 0, fn i, acc -> acc + rem(i, 7) end)
  @total total
  def total, do: @total
end

IO.puts(Long.total())
