# A module body between two top-level expressions runs in the script's
# process and may collect its heap: the script's bindings live on.
x = Enum.map(1..1000, fn i -> {i, "v#{i}"} end)
y = %{a: [1, 2, 3], b: "text"}
defmodule M do
  garbage = Enum.map(1..300_000, fn i -> {i, [i, i]} end)
  @n length(garbage)
  def n, do: @n
end
IO.inspect({length(x), Enum.at(x, 500), y, M.n()})
