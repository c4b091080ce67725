# map.field on a term that is no map raises KeyError with the dot-syntax
# hint (nil, true and false too); on a module atom it is a zero-arity call.
defmodule D do
  def f(x), do: x.node
end
for v <- [1, %{}, [a: 1], nil, true, {1}, "s", :erlang, Nope] do
  try do
    IO.inspect(D.f(v))
  rescue
    e -> IO.inspect({e, Exception.message(e), hd(__STACKTRACE__)})
  end
end
try do
  :erlang.error({:badkey, :a, 1})
rescue
  e -> IO.inspect(e)
end
x = 1
x.foo
