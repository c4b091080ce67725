# funs crossing processes, carrying big binaries, dying
big = String.duplicate("f", 150)
f = fn x -> x <> big end
parent = self()
pid = spawn(fn -> receive do {:run, g} -> send(parent, byte_size(g.("!"))) end end)
send(pid, {:run, f})
receive do n -> IO.inspect(n) end
pids = for i <- 1..4, do: spawn(fn -> receive do g -> send(parent, {i, g.(i)}) end end)
for p <- pids, do: send(p, fn i -> :binary.copy(big, i) end)
IO.inspect(Enum.sort(for _ <- pids, do: (receive do {i, b} -> {i, byte_size(b)} end)))
t = Task.async(fn -> f.(String.duplicate("t", 70)) end)
IO.inspect(byte_size(Task.await(t)))
{:ok, a} = Agent.start_link(fn -> big end)
Agent.update(a, fn s -> s <> s end)
IO.inspect(Agent.get(a, &byte_size/1))
