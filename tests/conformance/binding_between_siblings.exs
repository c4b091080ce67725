# A variable bound in one argument, element, operand or segment is not
# seen by its siblings: they read the value from before the expression;
# the new binding counts after it. The right side of &&, ||, and, or is a
# case clause in Elixir: what it binds stays there.
defmodule Order do
  def sum(x), do: x + (x = 5) + x
  def tuple(y), do: {y, (y = 2), y}
  def triple(y), do: {y, (y = 2), y, y + 1}
  def list(z), do: [z, (z = 3), z]
  def args(v), do: max(v, (v = 9)) + v
  def tail(v), do: helper(v, (v = 4), v)
  defp helper(a, b, c), do: [a, b, c]
  def after_call(v) do
    _ = max(v, (v = 9))
    v
  end
  def map(w), do: %{a: w, b: (w = 4), c: w}
  def update(m, x), do: %{m | a: (x = 2) + x}
  def binary(x), do: <<x, (x = 2), x>>
  def interp(x), do: "#{x}#{x = 2}#{x}"
  def fun_call(f, x), do: f.((x = 10), x)
  def compare(x), do: x < (x = 0)
  def block(x), do: (x = 2; x) + x
  def truthy(x) do
    _ = x && (x = 2)
    x
  end
  def falsy(x) do
    _ = nil || (x = 3)
    x
  end
  def boolean(x) do
    _ = true and (x = 4) > 0
    x
  end
  def left_side(x) do
    r = (x = 2) && x
    {r, x}
  end
  def pipe(x), do: (x = 2) |> Kernel.+(x)
  def nested(x), do: {x, [x, (x = 7), x], x}
  def branch(x) do
    if x > 0 and (x = 100) > 0, do: x, else: -x
  end
end

IO.inspect(Order.sum(1))
IO.inspect(Order.tuple(1))
IO.inspect(Order.triple(1))
IO.inspect(Order.list(1))
IO.inspect(Order.args(1))
IO.inspect(Order.tail(1))
IO.inspect(Order.after_call(1))
IO.inspect(Order.map(1))
IO.inspect(Order.update(%{a: 0}, 1))
IO.inspect(Order.binary(1))
IO.inspect(Order.interp(1))
IO.inspect(Order.fun_call(fn a, b -> a - b end, 1))
IO.inspect(Order.compare(1))
IO.inspect(Order.block(1))
IO.inspect(Order.truthy(1))
IO.inspect(Order.falsy(1))
IO.inspect(Order.boolean(1))
IO.inspect(Order.left_side(1))
IO.inspect(Order.pipe(1))
IO.inspect(Order.nested(1))
IO.inspect(Order.branch(1))

x = 1
IO.inspect(x + (x = 5) + x)
IO.inspect(x)
y = 1
IO.inspect({y, (y = 2), y})
IO.inspect(y)
z = 1
IO.inspect([z | [(z = 3), z]])
u = 1
r = case (u = 7) do
  ^u -> :pinned
  _ -> :other
end
IO.inspect({r, u})
q = 1
IO.inspect(q + (q = 2) + (q = 3) + q)
IO.inspect(q)
