# Elixir's checker, once the script has run: calls of functions or modules
# that do not exist, a missing module's first, then by module, name and
# arity, with "Did you mean" and every place a call is made.
defmodule Counter do
  def inc(x), do: x + 1
  defp secret, do: 1
  def run do
    Counter.incr(1)
    Counter.secret()
    String.upcasee("a")
    Enum.mapp([1], & &1)
    Nope.foo()
    :lists.nope(1)
    Counter.inc(1, 2)
    Counter.incr(2)
  end
  def capture, do: &Counter.incr/1
  def fine, do: {secret(), Enum.map([1], &inc/1), :lists.reverse([1])}
end
IO.puts(:ran)
