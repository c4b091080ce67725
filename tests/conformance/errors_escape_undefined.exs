defmodule Counter do
  def increment(n), do: n + 1
end

IO.inspect(Counter.increment(1))
mod = Counter
mod.decrement(1)
