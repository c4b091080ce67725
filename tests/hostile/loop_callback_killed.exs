# An endless loop in a GenServer callback is preempted; another process kills it.
defmodule S do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_cast(:spin, s), do: spin(s)
  defp spin(s), do: spin(s)
end
{:ok, pid} = GenServer.start(S, 0)
ref = Process.monitor(pid)
GenServer.cast(pid, :spin)
for _ <- 1..100, do: :erlang.yield()
Process.exit(pid, :kill)
receive do {:DOWN, _, :process, _, r} -> IO.inspect(r) end
