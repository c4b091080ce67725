# Registered names: register, whereis, send by name, unregister, errors.
pid = spawn(fn -> receive do {:ping, from} -> send(from, :pong) end end)
IO.inspect(Process.register(pid, :pinger))
IO.inspect(Process.whereis(:pinger) == pid)
send(:pinger, {:ping, self()})
receive do :pong -> IO.puts("pong by name") end
Process.sleep(1)
IO.inspect(Process.whereis(:pinger))
try do
  send(:nobody_here, :hi)
rescue
  e -> IO.puts(Exception.message(e))
end
me = self()
Process.register(me, :main_proc)
IO.inspect(:main_proc in Process.registered())
try do
  Process.register(spawn(fn -> :ok end), :main_proc)
rescue
  e -> IO.inspect(e.__struct__)
end
IO.inspect(Process.unregister(:main_proc))
IO.inspect(Process.whereis(:main_proc))
try do
  Process.register(self(), nil)
rescue
  e -> IO.puts(Exception.message(e))
end
