# How values move between registers: a tail call's arguments written over
# the caller's own (swaps, rotations, more arguments than the caller has,
# captured variables, arguments that bind variables), list elements and
# conditions evaluated in order, comparisons against literals, `and`/`or`
# of comparisons, and matches used as statements.
defmodule Moves do
  def swap(a, b, 0), do: {a, b}
  def swap(a, b, n), do: swap(b, a, n - 1)

  def rotate(a, b, c, 0), do: [a, b, c]
  def rotate(a, b, c, n), do: rotate(c, a, b, n - 1)

  def widen(x, y), do: five(y, x, y, [x], {x, y})
  def five(a, b, c, d, e), do: {a, b, c, d, e}

  def remote_swap(a, b, 0), do: {a, b}
  def remote_swap(a, b, n), do: __MODULE__.remote_swap(b, a, n - 1)

  def binds(x), do: pair(_y = x * 2, x + 1)
  def pair(a, b), do: {a, b}

  def counted(list, acc \\ [])
  def counted([], acc), do: acc
  def counted([h | t], acc), do: counted(t, [{h, length(acc)} | acc])

  def closure(a, b) do
    f = fn x -> pair(b, {a, x}) end
    f.(:arg)
  end

  def classify(x) do
    cond do
      x == :ok -> "ok atom"
      x != nil and is_atom(x) -> "other atom"
      x == "ok" -> "ok string"
      x == 1 -> "one (== 1)"
      x === 2 -> "two (=== 2)"
      true -> "something else"
    end
  end

  def guarded(x) when x == :a or x == "b", do: :literal
  def guarded(x) when x != nil and x !== false, do: :truthy
  def guarded(_), do: :falsy

  def in_range(x, lo, hi) do
    if x >= lo and x <= hi or x == :any, do: :inside, else: :outside
  end

  def truthy(a, b) do
    if a && b, do: {:both, a && b}, else: {:not_both, a || b}
  end

  def bool_value(x, y), do: x < y or x == y
  def not_value(x, y), do: not (x < y and y < 10)

  def stated(t) do
    {:ok, v} = t
    w = v + 1
    [v, w]
  end

  def case_var(x) do
    case x do
      {:ok, y} -> y
      other -> {:other, other}
    end
  end
end

log = fn tag -> IO.puts(tag); tag end
IO.inspect([log.(:a), log.(:b), log.(:c)])
IO.inspect([log.(:d) | [log.(:e) | log.(:f)]])
IO.inspect({log.(:g), [log.(:h)], log.(:i)})
IO.inspect(Moves.swap(1, 2, 3))
IO.inspect(Moves.swap(1, 2, 4))
IO.inspect(Moves.rotate(:x, :y, :z, 1))
IO.inspect(Moves.rotate(:x, :y, :z, 5))
IO.inspect(Moves.widen(1, 2))
IO.inspect(Moves.remote_swap(:l, :r, 7))
IO.inspect(Moves.binds(5))
IO.inspect(Moves.counted([:p, :q, :r]))
IO.inspect(Moves.closure(1, 2))
IO.inspect(Enum.map([:ok, :err, nil, "ok", 1, 1.0, 2, 2.0, false], &Moves.classify/1))
IO.inspect(Enum.map([:a, "b", :c, nil, false, 0], &Moves.guarded/1))
IO.inspect(Enum.map([0, 5, 11, :any, :none], &Moves.in_range(&1, 1, 10)))
IO.inspect([Moves.truthy(1, 2), Moves.truthy(nil, 2), Moves.truthy(false, nil), Moves.truthy(3, false)])
IO.inspect([Moves.bool_value(1, 2), Moves.bool_value(2, 2), Moves.bool_value(3, 2), Moves.bool_value(1.0, 1)])
IO.inspect([Moves.not_value(1, 2), Moves.not_value(1, 20), Moves.not_value(5, 2)])
IO.inspect(Moves.stated({:ok, 41}))
IO.inspect([Moves.case_var({:ok, 7}), Moves.case_var(:nope)])

try do
  Moves.stated({:error, 1})
rescue
  e in MatchError -> IO.puts(Exception.message(e))
end

try do
  x = Enum.random([:not_a_boolean])
  if x and 1 < 2, do: :yes, else: :no
rescue
  e in BadBooleanError -> IO.puts(Exception.message(e))
end
