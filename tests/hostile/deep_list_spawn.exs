# A deep list captured by a spawned fun is copied into the new process.
deep = Enum.reduce(1..1_000_000, [], fn _, acc -> [acc] end)
parent = self()
spawn(fn -> send(parent, {:depth, length(hd(deep))}) end)
receive do
  {:depth, n} -> IO.inspect(n)
end
