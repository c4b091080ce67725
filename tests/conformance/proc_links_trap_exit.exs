# Links and trap_exit: exit signals become {:EXIT, pid, reason} messages.
Process.flag(:trap_exit, true)
p1 = spawn_link(fn -> :ok end)
receive do {:EXIT, ^p1, reason} -> IO.inspect({:normal_exit, reason}) end
p2 = spawn_link(fn -> exit(:custom) end)
receive do {:EXIT, ^p2, reason} -> IO.inspect({:custom_exit, reason}) end
# (a raise or throw would also be logged with the wall-clock time, which
# differs on every run: exits carry the same information here)
p3 = spawn_link(fn -> exit({:error, "boom"}) end)
receive do {:EXIT, ^p3, reason} -> IO.inspect({:exited, reason}) end
p5 = spawn(fn -> receive do _ -> :ok end end)
Process.link(p5)
Process.exit(p5, :kill)
receive do {:EXIT, ^p5, reason} -> IO.inspect({:killed_is, reason}) end
p6 = spawn(fn -> Process.sleep(:infinity) end)
Process.link(p6)
Process.exit(p6, :shutdown)
receive do {:EXIT, ^p6, reason} -> IO.inspect({:shutdown_is, reason}) end
IO.inspect(Process.alive?(p6))
dead = spawn(fn -> :ok end)
Process.sleep(10)
Process.link(dead)
receive do {:EXIT, ^dead, reason} -> IO.inspect({:link_to_dead, reason}) end
IO.inspect(Process.flag(:trap_exit, false))
