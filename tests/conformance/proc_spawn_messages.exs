# Message passing between many processes: replies come back in the order
# the scheduler delivers them; collected by tag they are all there.
parent = self()
pids = for i <- 1..20, do: spawn(fn -> send(parent, {:square, i, i * i}) end)
IO.inspect(length(pids))
results = for _ <- 1..20, do: (receive do {:square, i, sq} -> {i, sq} end)
IO.inspect(Enum.sort(results) |> Enum.take(5))
IO.inspect(Enum.sum(Enum.map(results, &elem(&1, 1))))
worker = spawn(fn ->
  loop = fn loop, acc ->
    receive do
      {:add, n} -> loop.(loop, acc + n)
      {:get, from} -> send(from, {:total, acc}); loop.(loop, acc)
    end
  end
  loop.(loop, 0)
end)
for n <- 1..100, do: send(worker, {:add, n})
send(worker, {:get, self()})
receive do {:total, t} -> IO.inspect(t) end
