defmodule Rec do
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)

  def len(list), do: len(list, 0)
  defp len([], acc), do: acc
  defp len([_ | t], acc), do: len(t, acc + 1)

  def map([], _f), do: []
  def map([h | t], f), do: [f.(h) | map(t, f)]

  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def countdown(0), do: IO.puts("liftoff")
  def countdown(n) do
    IO.puts(n)
    countdown(n - 1)
  end

  def flatten([]), do: []
  def flatten([h | t]) when is_list(h), do: flatten(h) ++ flatten(t)
  def flatten([h | t]), do: [h | flatten(t)]

  def loop(n, acc) when n > 0, do: loop(n - 1, acc + n)
  def loop(0, acc), do: acc

  def qsort([]), do: []
  def qsort([p | rest]) do
    qsort(for x <- rest, x < p, do: x) ++ [p] ++ qsort(for x <- rest, x >= p, do: x)
  end

  def even?(0), do: true
  def even?(n), do: odd?(n - 1)
  def odd?(0), do: false
  def odd?(n), do: even?(n - 1)
end

IO.inspect(Rec.sum([1, 2, 3, 4]))
IO.inspect(Rec.len(Enum.to_list(1..1000)))
IO.inspect(Rec.map([1, 2, 3], &(&1 * 3)))
IO.inspect(Enum.map(0..15, &Rec.fib/1))
Rec.countdown(3)
IO.inspect(Rec.flatten([1, [2, [3, [4]], 5]]))
IO.inspect(Rec.loop(1_000_000, 0))
IO.inspect(Rec.qsort([5, 3, 8, 1, 9, 2, 7]))
IO.inspect(Rec.even?(10_001))
IO.inspect(Rec.sum(Enum.to_list(1..100_000)))
