# A module whose N functions each use a macro, compiled at run time
# (Code.eval_string): what compile-time calls cost the compiler.
n = String.to_integer(List.first(System.argv()) || "100")

defmodule Twice do
  defmacro twice(x), do: quote(do: unquote(x) * 2)
end

defs = for i <- 1..n//1, do: "  def f#{i}(y), do: Twice.twice(y) + #{i}\n"
source = "defmodule Uses do\n  require Twice\n#{defs}  def count, do: #{n}\nend\nUses.count()"
{count, _} = Code.eval_string(source)
IO.puts(count)
