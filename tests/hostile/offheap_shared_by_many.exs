# flags: --max-memory 200M
# expect: 20000000000
# expect: 1000
# 1,000 processes hold the same 20 MB binary: it is shared (20 MB), not
# copied into each (20 GB), so the memory limit is never near.
big = String.duplicate("x", 20_000_000)
parent = self()
pids =
  for _ <- 1..1000 do
    spawn(fn ->
      receive do
        {:bin, b} -> send(parent, byte_size(b)); receive do :stop -> :ok end
      end
    end)
  end
for p <- pids, do: send(p, {:bin, big})
IO.inspect(Enum.sum(for _ <- pids, do: (receive do n -> n end)))
IO.inspect(length(pids))
