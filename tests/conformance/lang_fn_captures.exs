add = fn a, b -> a + b end
IO.inspect(add.(1, 2))
IO.inspect(is_function(add))
IO.inspect(is_function(add, 2))
IO.inspect(is_function(add, 1))
sq = &(&1 * &1)
IO.inspect(sq.(7))
IO.inspect(Enum.map([1, 2, 3], sq))
up = &String.upcase/1
IO.inspect(up.("cap"))
IO.inspect(Enum.map(["a", "b"], &String.upcase/1))
pair = &{&1, &2}
IO.inspect(pair.(:x, :y))
list_fn = &[&1, &2, &1]
IO.inspect(list_fn.(1, 2))
IO.inspect((&(&1 + &2 * &3)).(1, 2, 3))
IO.inspect(Enum.reduce([1, 2, 3], 0, &+/2))
IO.inspect(Enum.map([[1], [2, 3]], &length/1))
IO.inspect(Function.info(&String.upcase/1)[:arity])
IO.inspect(:erlang.fun_info(add)[:arity])
counter = fn
  0 -> :zero
  n when n < 0 -> :neg
  _ -> :pos
end
IO.inspect(Enum.map([0, -1, 1], counter))
multiplier = 3
times = fn x -> x * multiplier end
multiplier = 100
IO.inspect(times.(2))
IO.inspect(multiplier)
make_adder = fn n -> fn x -> x + n end end
add5 = make_adder.(5)
IO.inspect(add5.(10))
IO.inspect(make_adder.(1).(1))
defmodule Math do
  def double(x), do: x * 2
  def apply_twice(f, x), do: f.(f.(x))
  def compose(f, g), do: fn x -> g.(f.(x)) end
end
IO.inspect(Math.apply_twice(&Math.double/1, 3))
IO.inspect(Math.compose(&Math.double/1, &(&1 + 1)).(5))
IO.inspect(Enum.map(1..3, &Math.double/1))
IO.inspect(apply(add, [4, 5]))
IO.inspect(apply(fn -> :no_args end, []))
fact = fn
  _f, 0 -> 1
  f, n -> n * f.(f, n - 1)
end
IO.inspect(fact.(fact, 10))
IO.inspect(Enum.map([a: 1, b: 2], fn {k, v} -> "#{k}=#{v}" end))
IO.inspect((fn -> :iife end).())
IO.inspect(Enum.filter(1..10, &(rem(&1, 3) == 0)))
IO.inspect(Enum.sort_by(["ccc", "a", "bb"], &String.length/1))
IO.inspect((&Math.double/1) == (&Math.double/1))
