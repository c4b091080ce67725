# An endless recursion inside a for comprehension is preempted.
defmodule L do
  def forever(x), do: forever(x)
end
pid = spawn(fn -> for x <- 1..3, do: L.forever(x) end)
ref = Process.monitor(pid)
for _ <- 1..100, do: :erlang.yield()
Process.exit(pid, :kill)
receive do {:DOWN, _, :process, _, r} -> IO.inspect(r) end
