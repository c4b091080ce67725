# Naive doubly recursive Fibonacci: function calls and integer arithmetic.
n = String.to_integer(List.first(System.argv()) || "30")

defmodule Fib do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)
end

IO.puts(Fib.fib(n))
