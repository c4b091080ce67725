# limit: 20
# Two chains of 100,000 linked processes; killing their heads takes them all.
defmodule Chain do
  def start(0, parent), do: (send(parent, :bottom); receive(do: (_ -> :ok)))
  def start(n, parent) do
    spawn_link(fn -> start(n - 1, parent) end)
    receive do _ -> :ok end
  end
end
parent = self()
base = length(Process.list())
head = spawn(fn -> Chain.start(100_000, parent) end)
head2 = spawn(fn -> Chain.start(100_000, parent) end)
receive do :bottom -> :ok end
receive do :bottom -> :ok end
before = length(Process.list())
Process.exit(head, :kill)
Process.exit(head2, :kill)
wait = fn wait -> if length(Process.list()) > base, do: (Process.sleep(10); wait.(wait)), else: :ok end
wait.(wait)
IO.inspect(before >= base + 200_000)
