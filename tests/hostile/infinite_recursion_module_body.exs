# limit: 20
# expect: (EXIT from #PID<
# Infinite non-tail recursion in a module body grows the heap of the
# process that compiles (the script's): its limit ends that process.
defmodule R do
  def f(0), do: 0
  def f(n), do: 1 + f(n + 1)
end

IO.puts(:before)

defmodule M do
  @x R.f(1)
  def x, do: @x
end

IO.puts(:never)
