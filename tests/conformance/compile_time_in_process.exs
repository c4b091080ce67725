# Code compiled at run time (Code.eval_string, in any process, even inside
# a macro) runs its module bodies and macros in the process that compiles
# it: they can receive, allocate (and be collected), and see self().
parent = self()
big = Enum.to_list(1..1000)
pid = spawn(fn ->
  keep = Enum.map(1..500, &{&1, "x#{&1}"})
  {v, _} = Code.eval_string("""
  defmodule Inner do
    send(self(), :x)
    @got (receive do :x -> :ok end)
    garbage = Enum.map(1..200_000, fn i -> {i, [i]} end)
    @len length(garbage)
    def got, do: {@got, @len, self()}
  end
  Inner.got()
  """)
  send(parent, {:done, v, self(), length(keep), hd(keep)})
end)
receive do {:done, {a, b, p}, q, n, h} -> IO.inspect({a, b, p == q, p == pid, n, h}) end
IO.inspect(length(big))
{v, _} = Code.eval_string("""
defmodule Twice do
  defmacro m do
    {x, _} = Code.eval_string("defmodule Deep do\\n @v (send(self(), 5); receive do n -> n * 2 end)\\n def v, do: @v\\n end\\nDeep.v()")
    x
  end
end
defmodule UseTwice do
  require Twice
  def f, do: Twice.m()
end
UseTwice.f()
""")
IO.inspect(v)
