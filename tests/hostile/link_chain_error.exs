# limit: 20
# The bottom of a 100,000-process link chain raises; the exit cascades up.
defmodule Chain do
  def start(0, _top), do: exit(:deep_boom)
  def start(n, top) do
    spawn_link(fn -> start(n - 1, top) end)
    receive do _ -> :ok end
  end
end
Process.flag(:trap_exit, true)
top = self()
pid = spawn_link(fn -> Chain.start(100_000, top) end)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason)
end
