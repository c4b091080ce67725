# 100,000 monitors on one process, which then dies.
target = spawn(fn -> receive do :go -> exit(:bye) end end)
refs = for _ <- 1..100_000, do: Process.monitor(target)
send(target, :go)
n = Enum.reduce(refs, 0, fn ref, acc -> receive do {:DOWN, _, _, _, :bye} -> acc + 1 end end)
IO.inspect(n)
