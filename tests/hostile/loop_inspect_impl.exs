# An Inspect implementation that never returns is preempted like any code.
defmodule P do
  defstruct [:a]
end
defimpl Inspect, for: P do
  def inspect(p, opts), do: __MODULE__.inspect(p, opts)
end
pid = spawn(fn -> inspect(struct(P, a: 1)) end)
ref = Process.monitor(pid)
for _ <- 1..100, do: :erlang.yield()
Process.exit(pid, :kill)
receive do {:DOWN, _, :process, _, r} -> IO.inspect(r) end
