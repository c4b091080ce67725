defmodule Bitwise do
  # Bitwise operations on integers; the operators are plain functions so
  # that `import Bitwise` brings them in and they also work in guards
  # (the compiler inlines the :erlang BIFs).

  def bnot(expr), do: :erlang.bnot(expr)
  def ~~~expr, do: :erlang.bnot(expr)

  def band(left, right), do: :erlang.band(left, right)
  def left &&& right, do: :erlang.band(left, right)

  def bor(left, right), do: :erlang.bor(left, right)
  def left ||| right, do: :erlang.bor(left, right)

  def bxor(left, right), do: :erlang.bxor(left, right)
  def left ^^^ right, do: :erlang.bxor(left, right)

  def bsl(left, right), do: :erlang.bsl(left, right)
  def left <<< right, do: :erlang.bsl(left, right)

  def bsr(left, right), do: :erlang.bsr(left, right)
  def left >>> right, do: :erlang.bsr(left, right)
end
