x = 1
IO.inspect(x)
x = 2
IO.inspect(x)
{a, b, c} = {:one, "two", 3.0}
IO.inspect([a, b, c])
[first | _] = [10, 20]
IO.inspect(first)
%{name: name} = %{name: "Ann", age: 3}
IO.inspect(name)
%{"k" => v} = %{"k" => :val}
IO.inspect(v)
{:ok, [h | t]} = {:ok, [1, 2, 3]}
IO.inspect({h, t})
pin = 5
{^pin, other} = {5, 6}
IO.inspect(other)
IO.inspect(match?({^pin, _}, {6, 6}))
list = [1, 2] = [1, 2]
IO.inspect(list)
{:ok, inner} = whole = {:ok, :data}
IO.inspect({inner, whole})
[{_, y} = pair | _] = [{:x, 9}]
IO.inspect({y, pair})
"user:" <> id = "user:42"
IO.inspect(id)
<<n::8, _::binary>> = "A"
IO.inspect(n)
{_, _} = {1, 2}
_ignored = 99
[a, a] = [3, 3]
IO.inspect(a)
{z, z, w} = {1, 1, 2}
IO.inspect({z, w})
IO.inspect(match?([_, _], [1, 2]))
IO.inspect(match?([_, _], [1]))
IO.inspect(match?(%{a: 1}, %{a: 1, b: 2}))
IO.inspect(match?(x when x > 10, 11))
key = :b
%{^key => val} = %{a: 1, b: 2}
IO.inspect(val)
f = fn {:ok, v} -> v; {:error, e} -> {:failed, e} end
IO.inspect(f.({:ok, 1}))
IO.inspect(f.({:error, :boom}))
defmodule M do
  def swap({a, b}), do: {b, a}
  def first_two([a, b | _] = all), do: {a, b, length(all)}
  def nested(%{user: %{name: name} = user}), do: {name, map_size(user)}
end
IO.inspect(M.swap({1, 2}))
IO.inspect(M.first_two([1, 2, 3, 4]))
IO.inspect(M.nested(%{user: %{name: "n", id: 1}}))
{a, {b, [c | _]}} = {1, {2, [3, 4]}}
IO.inspect(a + b + c)
[a, b] = ["x", "y"]
IO.inspect(a <> b)
^pin = 5
IO.puts("pin matched")
