# limit: 20
# Two chains of 100,000 linked processes; killing their heads takes them all.
defmodule Chain do
  def start(0, parent), do: (send(parent, {:bottom, self()}); receive(do: (_ -> :ok)))
  def start(n, parent) do
    spawn_link(fn -> start(n - 1, parent) end)
    receive do _ -> :ok end
  end
end
parent = self()
head = spawn(fn -> Chain.start(100_000, parent) end)
head2 = spawn(fn -> Chain.start(100_000, parent) end)
b1 = receive do {:bottom, b} -> b end
b2 = receive do {:bottom, b} -> b end
Process.monitor(b1)
Process.monitor(b2)
Process.exit(head, :kill)
Process.exit(head2, :kill)
receive do {:DOWN, _, :process, _, r} -> IO.inspect(r) end
receive do {:DOWN, _, :process, _, r} -> IO.inspect(r) end
