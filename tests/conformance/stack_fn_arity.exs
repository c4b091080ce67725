# A fn's frame in a stack trace: the BEAM's lambda takes the variables the
# fn captured after its arguments, and the frame shows that arity
# ("anonymous fn/2 in M.cap/1" for fn y -> ... x ... end). A for's body
# is such a fn of (element, accumulator).
defmodule Frames do
  def cap(x), do: Enum.map([1], fn y -> raise "boom #{x} #{y}" end)
  def zero(x), do: run(fn -> raise "zero #{x}" end)
  def two(x), do: Enum.reduce([1], 0, fn a, acc -> a + acc + x + :a end)
  def run(f), do: f.()
  def nested(x), do: Enum.map([1], fn y -> Enum.map([2], fn z -> raise "n #{x}#{y}#{z}" end) end)
  def comp(list), do: for(x <- list, do: x + :a)
  def comp_k(list, k), do: for(x <- list, do: x + k)
  def capture(list), do: Enum.map(list, &(&1 + :a))
  def capture_k(list, k), do: Enum.map(list, &(&1 + k))
  def shadow(x), do: Enum.map([x], fn x -> x + :a end)
  def pinned(x), do: Enum.map([x], fn ^x -> raise "pinned" end)
  def clauses(x), do: Enum.map([:error], fn {:ok, v} -> v; :error -> raise "no #{x}" end)
end

calls = [
  fn -> Frames.cap(1) end,
  fn -> Frames.zero(1) end,
  fn -> Frames.two(1) end,
  fn -> Frames.nested(1) end,
  fn -> Frames.comp([1]) end,
  fn -> Frames.comp_k([1], :k) end,
  fn -> Frames.capture([1]) end,
  fn -> Frames.capture_k([1], :k) end,
  fn -> Frames.shadow(1) end,
  fn -> Frames.pinned(1) end,
  fn -> Frames.clauses(1) end
]

Enum.each(calls, fn f ->
  try do
    f.()
  rescue
    e ->
      [first | _] = Enum.filter(__STACKTRACE__, fn {m, _, _, _} -> m == Frames end)
      IO.puts(Exception.message(e))
      IO.puts(Exception.format_stacktrace_entry(first))
  end
end)
