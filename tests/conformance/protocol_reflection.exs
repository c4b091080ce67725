# Protocol reflection: impl_for/impl_for! for every built-in type and library struct, __protocol__/1, Protocol.assert_impl!/assert_protocol!/consolidated?, __impl__/1.
defprotocol P do
  def f(x)
end
defimpl P, for: Integer do
  def f(_), do: :int
end
for v <- [1, 1.0, :a, "s", <<1::3>>, [1], {1}, %{}, 1..2, self(), make_ref(), fn -> 1 end, %URI{}, ~r/a/, MapSet.new(), Date.utc_today(), nil, true, [], ~D[2020-01-01]] do
  IO.inspect({Inspect.impl_for(v), String.Chars.impl_for(v), Enumerable.impl_for(v), Collectable.impl_for(v), List.Chars.impl_for(v), P.impl_for(v)})
end
IO.inspect Inspect.impl_for!(1)
try do
  P.impl_for!(:a)
rescue
  e -> IO.inspect(e)
end
IO.inspect P.__protocol__(:module)
IO.inspect P.__protocol__(:functions)
IO.inspect P.__protocol__(:consolidated?)
IO.inspect P.__protocol__(:impls)
IO.inspect Enumerable.__protocol__(:functions)
IO.inspect Inspect.__protocol__(:consolidated?)
IO.inspect Protocol.consolidated?(Enumerable)
IO.inspect Protocol.consolidated?(P)
IO.inspect Protocol.assert_protocol!(P)
IO.inspect Protocol.assert_impl!(P, Integer)
try do
  Protocol.assert_impl!(P, Atom)
rescue
  e -> IO.inspect(e)
end
try do
  Protocol.assert_protocol!(Integer)
rescue
  e -> IO.inspect(e)
end
IO.inspect P.Integer.__impl__(:for)
IO.inspect P.Integer.__impl__(:protocol)
IO.inspect Inspect.Integer.__impl__(:for)
IO.inspect function_exported?(P, :__protocol__, 1)
IO.inspect P.__info__(:functions)
