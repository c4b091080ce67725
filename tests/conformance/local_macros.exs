# A module's own macros and guards, used by its functions after their definition.
defmodule LM do
  defmacro two, do: 2
  defmacro twice(expr) do
    quote do
      x = unquote(expr)
      x + x
    end
  end

  defguardp is_small(n) when is_integer(n) and n < 10
  defguard is_big(n) when is_integer(n) and n >= 10

  def f, do: two()
  def g(y), do: twice(y + 1)
  def size(n) when is_small(n), do: :small
  def size(n) when is_big(n), do: :big
  def size(_), do: :other
  def check(n), do: is_small(n)
end

IO.inspect LM.f()
IO.inspect LM.g(4)
IO.inspect Enum.map([1, 20, :x], &LM.size/1)
IO.inspect {LM.check(3), LM.check(30)}
IO.inspect {macro_exported?(LM, :two, 0), macro_exported?(LM, :is_big, 1), macro_exported?(LM, :is_small, 1)}
