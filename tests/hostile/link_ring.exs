# expect: :ring_down
# limit: 20
# A ring of 50,000 processes, each linked to the next; one dies.
defmodule Ring do
  def ring_node(prev) do
    receive do
      {:link, next} -> Process.link(next); ring_node(prev)
      :die -> exit(:ring_down)
    end
  end
end
Process.flag(:trap_exit, true)
pids = for _ <- 1..50_000, do: spawn(fn -> Ring.ring_node(nil) end)
Enum.zip(pids, tl(pids) ++ [hd(pids)]) |> Enum.each(fn {a, b} -> send(a, {:link, b}) end)
Process.link(hd(pids))
Process.sleep(10)
send(List.last(pids), :die)
receive do {:EXIT, _, r} -> IO.inspect(r) end
Process.sleep(10)
IO.inspect(Enum.count(pids, &Process.alive?/1))
