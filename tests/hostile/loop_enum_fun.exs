# An endless loop inside an Enum fun is preempted.
pid = spawn(fn -> Enum.map([1, 2], fn x -> Stream.repeatedly(fn -> x end) |> Enum.to_list() end) end)
ref = Process.monitor(pid)
for _ <- 1..100, do: :erlang.yield()
Process.exit(pid, :kill)
receive do {:DOWN, _, :process, _, r} -> IO.inspect(r) end
