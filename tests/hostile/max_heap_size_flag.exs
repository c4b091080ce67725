# expect: Max Heap Size:      10000
# Process.flag(:max_heap_size, n) kills the process past n words.
pid = spawn(fn -> Process.flag(:max_heap_size, 10_000); Enum.reduce(1..1_000_000, [], fn x, acc -> [x | acc] end) end)
ref = Process.monitor(pid)
receive do
  {:DOWN, _, :process, _, reason} -> IO.inspect(reason)
end
Process.sleep(100)
