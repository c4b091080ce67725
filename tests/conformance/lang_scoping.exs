x = 1
if true do
  x = 2
  IO.inspect(x, label: "inside if")
end
IO.inspect(x, label: "after if")
w = case :a do
  :a ->
    x = 10
    x + 1
end
IO.inspect({x, w}, label: "x after case")
f = fn ->
  x = 100
  x
end
IO.inspect(f.())
IO.inspect(x)
x = if true, do: x + 1, else: x
IO.inspect(x, label: "rebound from if")
for i <- 1..3 do
  x = i
  x
end
IO.inspect(x, label: "after for")
total = 0
Enum.each([1, 2, 3], fn n -> _total = n end)
IO.inspect(total)
total = Enum.reduce([1, 2, 3], total, fn n, acc -> acc + n end)
IO.inspect(total)
{a, b} = {1, 2}
{a, b} = {b, a}
IO.inspect({a, b})
z = try do
  :value
rescue
  _ -> :never
end
IO.inspect(z)
defmodule Scope do
  @x :module_attr
  def x, do: @x
  def shadow(x), do: x
end
IO.inspect(Scope.x())
IO.inspect(Scope.shadow(:arg))
_ = 5
