# off-heap binaries sent between processes, dying in every order
big = String.duplicate("x", 1000)
parent = self()
pids = for i <- 1..5, do: spawn(fn -> receive do {:b, b} -> send(parent, {i, byte_size(b <> "y")}) end end)
for p <- pids, do: send(p, {:b, big})
IO.inspect(for _ <- pids, do: (receive do {_, n} -> n end))
sub = binary_part(big, 100, 200)
pid = spawn(fn -> receive do b -> send(parent, :binary.referenced_byte_size(b)) end end)
send(pid, sub)
receive do n -> IO.inspect(n) end
spawn(fn -> exit(String.duplicate("r", 300)) end)
Process.flag(:trap_exit, true)
spawn_link(fn -> exit({:big, String.duplicate("q", 500)}) end)
receive do {:EXIT, _, {:big, r}} -> IO.inspect(byte_size(r)) end
