# Protocol dispatch of String.Chars: N interpolations of a user struct
# that implements it (each one a dispatch on the struct's module).
n = String.to_integer(List.first(System.argv()) || "200000")

defmodule Money do
  defstruct cents: 0

  defimpl String.Chars do
    def to_string(%Money{cents: c}), do: Integer.to_string(c)
  end
end

defmodule Bench do
  def run(0, _m, acc), do: acc
  def run(k, m, acc), do: run(k - 1, m, acc + byte_size("#{m}"))
end

IO.puts(Bench.run(n, struct(Money, cents: 1234), 0))
