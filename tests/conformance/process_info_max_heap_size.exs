# Process.info(pid, :max_heap_size) answers the map Process.flag takes
# (genlab's default is a limit where the BEAM's is none: only sizes set
# explicitly are shown here).
old = Process.flag(:max_heap_size, 1_000_000)
IO.inspect(is_map(old) and Map.keys(old))
IO.inspect(Process.info(self(), :max_heap_size))
Process.flag(:max_heap_size, %{size: 2_000_000, kill: true, error_logger: true})
IO.inspect(Process.info(self(), :max_heap_size))
parent = self()
pid = spawn(fn ->
  Process.flag(:max_heap_size, 123_456)
  send(parent, :set)
  receive do _ -> :ok end
end)
receive do :set -> :ok end
IO.inspect(Process.info(pid, :max_heap_size))
IO.inspect(Process.info(pid, [:max_heap_size, :trap_exit]))
%{size: size} = Process.flag(:max_heap_size, 0)
IO.inspect(size)
IO.inspect(Process.info(self(), :max_heap_size))
