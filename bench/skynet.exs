# Skynet: a tree of processes, ten children each, down to N leaves that
# send their number back up; every level sums its children.
n = String.to_integer(List.first(System.argv()) || "1000000")

defmodule Skynet do
  def run(num, 1, parent), do: send(parent, num)

  def run(num, size, parent) do
    me = self()
    step = div(size, 10)
    for i <- 0..9, do: spawn(fn -> run(num + i * step, step, me) end)
    send(parent, collect(10, 0))
  end

  defp collect(0, acc), do: acc
  defp collect(k, acc), do: receive(do: (x -> collect(k - 1, acc + x)))
end

if n > 1 do
  Skynet.run(0, n, self())
  receive do sum -> IO.puts(sum) end
else
  IO.puts(0)
end
