# Bitwise's functions called remotely in guards compile to Erlang's guard
# BIFs.
low_bit? = fn
  n when Bitwise.band(n, 1) == 1 -> true
  _ -> false
end

IO.inspect(Enum.map(1..4, low_bit?))

defmodule Flags do
  def size(x) when Bitwise.bsl(x, 3) >= 64 and Bitwise.bxor(x, 8) != 0, do: :large
  def size(x) when Bitwise.bnot(x) == -1, do: :zero
  def size(_), do: :small
end

IO.inspect(Enum.map([0, 3, 8, 9], &Flags.size/1))
