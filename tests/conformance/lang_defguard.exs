# defguard and defguardp: guards usable in heads, case clauses, remote calls and plain code.
defmodule Guards do
  defguard is_pos(x) when is_integer(x) and x > 0
  defguard is_between(x, lo, hi) when x >= lo and x <= hi
  defguard is_small(x) when is_integer(x) and x > 0 and x < 10
end

defmodule Kinds do
  import Guards
  defguardp is_tiny(x) when is_small(x) and x < 3
  def kind(x) when is_small(x), do: :small
  def kind(x) when is_pos(x), do: :positive
  def kind(_), do: :other
  def check(x), do: is_small(x)
end

defmodule Use do
  import Guards
  require Guards
  def f(x) when is_between(x, 1, 5), do: :in
  def f(_), do: :out
  def g(list), do: Enum.filter(list, fn x -> is_pos(x) end)
  def h(x) when Guards.is_pos(x), do: {:remote, x}
  def h(_), do: :nope
  def i(x) do
    case x do
      n when is_pos(n) and rem(n, 2) == 0 -> :even_pos
      _ -> :else
    end
  end
end

IO.inspect Enum.map([3, 42, -1, :a], &Kinds.kind/1)
IO.inspect {Use.f(3), Use.f(9), Kinds.check(3), Kinds.check(30)}
IO.inspect Use.g([1, -2, 3, :x])
IO.inspect {Use.h(2), Use.h(-2), Use.i(4), Use.i(3)}
IO.inspect Guards.__info__(:macros)
