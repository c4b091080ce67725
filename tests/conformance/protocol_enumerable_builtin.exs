# The Enumerable protocol called directly on the built-in types: reduce
# with halting and suspension, count, member? and impl_for.
defmodule Main do
  def run do
    values = [[1, 2, 3], %{a: 1, b: 2}, 1..4, 10..1//-3, MapSet.new([:x, :y])]

    for v <- values do
      IO.inspect(Enumerable.reduce(v, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end))
      IO.inspect(Enumerable.reduce(v, {:cont, 0}, fn _, n -> if n == 1, do: {:halt, n}, else: {:cont, n + 1} end))
      IO.inspect(Enumerable.count(v))
      IO.inspect(Enumerable.impl_for(v))
    end

    IO.inspect(Enumerable.member?([1, 2], 2))
    IO.inspect(Enumerable.member?(%{a: 1}, {:a, 1}))
    IO.inspect(Enumerable.member?(1..10, 5))
    IO.inspect(Enumerable.member?(MapSet.new([1]), 2))
    {:suspended, acc, cont} = Enumerable.reduce([1, 2, 3], {:suspend, :start}, fn x, acc -> {:cont, [x | List.wrap(acc)]} end)
    IO.inspect(acc)
    IO.inspect(cont.({:cont, []}))
    IO.inspect(Enumerable.impl_for(:atom))
    IO.inspect(Enumerable.impl_for(fn a, b -> {a, b} end) |> is_atom())
  end
end

Main.run()
