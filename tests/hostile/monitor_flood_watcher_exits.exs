# A process holding 100,000 monitors on one target exits; then the target
# exits too. Each monitor leaves the target in one pass, not one scan each.
target = spawn(fn -> receive do :go -> exit(:bye) end end)
me = self()
watcher = spawn(fn ->
  refs = for _ <- 1..100_000, do: Process.monitor(target)
  send(me, {:monitoring, length(refs)})
  receive do :stop -> :ok end
end)
receive do {:monitoring, n} -> IO.inspect(n) end
ref = Process.monitor(watcher)
send(watcher, :stop)
receive do {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason) end
ref = Process.monitor(target)
send(target, :go)
receive do {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason) end
