# limit: 20
# expect: (EXIT from #PID<
# The same recursion in the script's own process ends the script.
defmodule R do
  def f(0), do: 0
  def f(n), do: 1 + f(n + 1)
end
IO.puts(:before)
R.f(1)
