# A def that makes more fns than twice the module's function table (here
# 130 nested fns with nothing to capture) was linked into the module's list
# without a check, and the next def's growth doubled the table only once:
# genlab then looped for ever reinserting 131 functions into 128 slots.
defmodule Deep do
  def f do
    fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> fn -> :bottom end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end end
  end

  def g, do: :after
end

IO.inspect(Enum.reduce(1..130, Deep.f(), fn _, f -> f.() end))
IO.inspect(Deep.g())
