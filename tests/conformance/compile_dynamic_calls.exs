# Calls whose module or function is known only at run time, with the
# arguments written out (apply/3 of a literal list, mod.fun(args)), and
# tuples of two and three elements built from variables and calls, in
# evaluation order.
defmodule Dyn do
  def add(a, b), do: a + b
  def three(a, b, c), do: {c, b, a}
  def none, do: :none

  def via_apply(m, f, x), do: apply(m, f, [x, 10])
  def via_apply_tail(m, x), do: apply(m, :three, [x, x + 1, [x]])
  def via_dot(m, x), do: m.add(x, 1)
  def via_dot_zero(m), do: m.none()
  def spread(m, f, args), do: apply(m, f, args)
  def nested(x), do: {x, {x, x + 1}, {:tag, [x], %{k: x}}}
end

log = fn tag -> IO.puts(tag); tag end
IO.inspect(Dyn.via_apply(Dyn, :add, 5))
IO.inspect(Dyn.via_apply_tail(Dyn, 7))
IO.inspect(Dyn.via_dot(Dyn, 1))
IO.inspect(Dyn.via_dot_zero(Dyn))
IO.inspect(Dyn.spread(Dyn, :three, [1, 2, 3]))
IO.inspect(apply(Enum, :map, [[1, 2], fn x -> x * 3 end]))
IO.inspect(apply(:erlang, :element, [2, {:a, :b}]))
IO.inspect(Dyn.nested(4))
IO.inspect({log.(:one), log.(:two)})
IO.inspect({log.(:x), log.(:y), log.(:z)})
m = Dyn
IO.inspect(m.three(:p, :q, :r))

for {mod, fun} <- [{Dyn, :missing}, {NoSuchModule, :f}, {"not an atom", :f}, {Dyn, "add"}] do
  try do
    apply(mod, fun, [1, 2])
  rescue
    e -> IO.inspect({e.__struct__, Exception.message(e)})
  end
end

for args <- [:not_a_list, [1 | 2]] do
  try do
    apply(Dyn, :add, args)
  rescue
    e -> IO.inspect({e.__struct__, Exception.message(e)})
  end
end

try do
  m = Enum.random([42])
  m.foo(1)
rescue
  e -> IO.inspect({e.__struct__, Exception.message(e)})
end
