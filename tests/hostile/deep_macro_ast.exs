# expect: nested too deeply
# A macro that builds a 100,000-deep AST: the compiler stops with a CompileError.
defmodule Deep do
  defmacro plus(n), do: Enum.reduce(1..n, 0, fn _, acc -> quote(do: unquote(acc) + 1) end)
end
defmodule Use do
  require Deep
  def f, do: Deep.plus(100_000)
end
IO.puts(Use.f())
