# :erlang.error/1,2, throw/1 and exit/1 raise in their caller's frame (no
# entry of their own; error/2's arguments replace the caller's arity), and
# a module body's frame prints as "(module)".
defmodule Q do
  def h, do: :erlang.error(:foo)
  def i(x), do: :erlang.error(:foo, [x, 2])
  def t, do: throw(:ball)
  def e, do: exit(:bye)
  def r, do: raise(ArgumentError, "plain")
end
for {f, args} <- [h: [], i: [1], t: [], e: [], r: []] do
  try do
    apply(Q, f, args)
  catch
    kind, reason -> IO.inspect({kind, reason, hd(__STACKTRACE__)})
  end
end
defmodule Body do
  try do
    :erlang.error(:in_body)
  rescue
    e -> IO.puts(Exception.format(:error, e, Enum.take(__STACKTRACE__, 1)))
  end
end
Q.i(:last)
