# A guard-heavy endless loop is preempted.
defmodule L do
  def g(x) when is_integer(x) and x > 0 and rem(x, 2) == 1 and x < 10, do: g(x)
  def g(x) when is_integer(x), do: g(x + 1)
end
pid = spawn(fn -> L.g(1) end)
ref = Process.monitor(pid)
for _ <- 1..100, do: :erlang.yield()
Process.exit(pid, :kill)
receive do {:DOWN, _, :process, _, r} -> IO.inspect(r) end
