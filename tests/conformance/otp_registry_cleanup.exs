# Entries disappear when the registered process dies, however it dies.
{:ok, _} = Registry.start_link(keys: :unique, name: Workers)
parent = self()

start = fn name ->
  spawn(fn ->
    {:ok, _} = Registry.register(Workers, name, :working)
    send(parent, {:registered, name})

    receive do
      :normal -> :ok
      :crash -> raise "boom"
      :exit -> exit(:shutdown)
    end
  end)
end

pids = for n <- [:w1, :w2, :w3, :w4], into: %{}, do: {n, start.(n)}
for _ <- 1..4, do: (receive do {:registered, _} -> :ok end)
IO.inspect(Registry.count(Workers))
send(pids[:w1], :normal)
send(pids[:w2], :exit)
Process.exit(pids[:w3], :kill)
Process.sleep(20)
IO.inspect(Registry.count(Workers))
IO.inspect(Registry.select(Workers, [{{:"$1", :_, :_}, [], [:"$1"]}]))
IO.inspect(Registry.lookup(Workers, :w1))
IO.inspect(Registry.keys(Workers, pids[:w3]))
# a dead name can be taken again
w1 = start.(:w1)
receive do
  {:registered, :w1} -> :ok
end
IO.inspect(Registry.lookup(Workers, :w1) == [{w1, :working}])
IO.inspect(Registry.count(Workers))
