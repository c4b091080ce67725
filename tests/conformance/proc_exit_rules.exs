# The BEAM's rules for exit/2: :normal is ignored by a process that does not
# trap exits, :kill cannot be trapped, other reasons kill.
parent = self()
victim = spawn(fn -> receive do :ping -> send(parent, :pong) end end)
Process.exit(victim, :normal)
send(victim, :ping)
receive do :pong -> IO.puts("normal was ignored") after 100 -> IO.puts("lost") end

trapper = spawn(fn ->
  Process.flag(:trap_exit, true)
  send(parent, :ready)
  receive do {:EXIT, from, reason} -> send(parent, {:trapped, from == parent, reason}) end
  receive do :never -> :ok end
end)
receive do :ready -> :ok end
Process.exit(trapper, :please_stop)
receive do msg -> IO.inspect(msg) end
IO.inspect(Process.alive?(trapper))
Process.exit(trapper, :kill)
Process.sleep(1)
IO.inspect(Process.alive?(trapper))

ref = Process.monitor(spawn(fn -> Process.sleep(50) end))
receive do {:DOWN, ^ref, :process, _, reason} -> IO.inspect({:down, reason}) end

doomed = spawn(fn -> Process.sleep(:infinity) end)
ref2 = Process.monitor(doomed)
Process.exit(doomed, :boom)
receive do {:DOWN, ^ref2, :process, _, reason} -> IO.inspect({:down, reason}) end
