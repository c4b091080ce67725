# A <> loop: N one-byte appends to an accumulator.
n = String.to_integer(List.first(System.argv()) || "200000")

defmodule Append do
  def loop(acc, 0), do: acc
  def loop(acc, k), do: loop(acc <> "x", k - 1)
end

IO.puts(byte_size(Append.loop("", n)))
