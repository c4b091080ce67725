# apply/3 with a module, function name or argument list of the wrong type:
# the error as rescued (erlang:apply/3's error info) and as reported
# (Exception.blame/3, as the command line reports an uncaught one, names it).
defmodule ApplyBlame do
  def go(m, f, a), do: apply(m, f, a)
  def dot(m), do: m.run(1)
end

cases = [{"x", :f, [1]}, {ApplyBlame, "f", [1]}, {ApplyBlame, :f, :x}, {ApplyBlame, :f, [1 | 2]}, {42, :f, []}, {"x", :f, []}, {IO, :f, :x}]

for {m, f, a} <- cases do
  try do
    ApplyBlame.go(m, f, a)
  rescue
    e -> IO.puts(Exception.message(e))
  end

  try do
    ApplyBlame.go(m, f, a)
  catch
    kind, reason ->
      IO.puts(Exception.format_banner(kind, reason, __STACKTRACE__))
      {blamed, _} = Exception.blame(kind, reason, __STACKTRACE__)
      IO.puts(Exception.message(blamed))
      [top | _] = __STACKTRACE__
      IO.inspect({elem(top, 0), elem(top, 1), elem(top, 2)})
  end
end

try do
  ApplyBlame.dot({:not, :a_module})
catch
  kind, reason ->
    IO.puts(Exception.format_banner(kind, reason, __STACKTRACE__))
    {blamed, _} = Exception.blame(kind, reason, __STACKTRACE__)
    IO.puts(Exception.message(blamed))
end
