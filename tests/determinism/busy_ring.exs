# A busy program: a ring of processes passing tokens, timers firing at
# random virtual times, workers crashing and being monitored, all
# interleaved on one scheduler. Every run must print the same bytes.
defmodule Ring do
  def node(next, log) do
    receive do
      {:token, 0, id} ->
        send(log, {:done, id, self() == self()})
        node(next, log)

      {:token, n, id} ->
        send(next, {:token, n - 1, id})
        node(next, log)

      {:link, new_next} ->
        node(new_next, log)
    end
  end
end

log = self()
first = spawn(fn -> Ring.node(nil, log) end)
nodes = for _ <- 1..49, do: spawn(fn -> Ring.node(first, log) end)
all = [first | nodes]
Enum.zip(all, tl(all) ++ [first]) |> Enum.each(fn {a, b} -> send(a, {:link, b}) end)
for id <- 1..20, do: send(Enum.at(all, rem(id * 7, 50)), {:token, 100 + id * 13, id})

for i <- 1..30 do
  Process.send_after(log, {:tick, i}, :rand.uniform(500))
end

for i <- 1..10 do
  spawn_monitor(fn ->
    Process.sleep(:rand.uniform(300))
    if rem(i, 3) == 0, do: exit({:shutdown, i}), else: i
  end)
end

events =
  for _ <- 1..(20 + 30 + 10) do
    receive do
      {:done, id, _} -> {:done, id}
      {:tick, i} -> {:tick, i}
      {:DOWN, _ref, :process, _pid, reason} -> {:down, reason}
    end
  end

IO.inspect(events, limit: :infinity)
IO.inspect(System.monotonic_time(:millisecond) - System.monotonic_time(:millisecond))
IO.inspect(:crypto.strong_rand_bytes(8))
