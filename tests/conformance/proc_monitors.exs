# Monitors: DOWN messages, :noproc for dead processes, demonitor with :flush.
# (Each case is its own function: OTP 25's compiler trips over some
# receive-with-pinned-ref sequences in one long script.)
defmodule Mon do
  def exit_reason do
    pid = spawn(fn -> receive do :go -> exit(:finished) end end)
    ref = Process.monitor(pid)
    send(pid, :go)
    receive do {:DOWN, ^ref, :process, ^pid, reason} -> reason end
  end

  def already_dead do
    dead = spawn(fn -> :ok end)
    Process.sleep(5)
    ref = Process.monitor(dead)
    receive do {:DOWN, ^ref, :process, ^dead, reason} -> {:dead_already, reason} end
  end

  def no_such_name do
    ref = Process.monitor(:no_such_name)
    receive do {:DOWN, ^ref, :process, who, reason} -> {who, reason} end
  end

  def flush do
    quick = spawn(fn -> :ok end)
    ref = Process.monitor(quick)
    Process.sleep(5)
    flushed = Process.demonitor(ref, [:flush])
    left = receive do {:DOWN, ^ref, _, _, _} -> :still_there after 0 -> :flushed end
    {flushed, left}
  end

  def info do
    slow = spawn(fn -> Process.sleep(100) end)
    ref = Process.monitor(slow)
    {Process.demonitor(ref, [:info]), Process.demonitor(ref, [:info])}
  end

  def spawned do
    {child, ref} = spawn_monitor(fn -> exit(:from_spawn_monitor) end)
    receive do {:DOWN, ^ref, :process, ^child, r} -> r end
  end

  def by_name do
    named = spawn(fn -> Process.register(self(), :named_worker); receive do :stop -> :ok end end)
    Process.sleep(1)
    ref = Process.monitor(:named_worker)
    send(:named_worker, :stop)
    down = receive do {:DOWN, ^ref, :process, who, reason} -> {who, reason} end
    {down, Process.alive?(named)}
  end
end

IO.inspect(Mon.exit_reason())
IO.inspect(Mon.already_dead())
IO.inspect(Mon.no_such_name())
IO.inspect(Mon.flush())
IO.inspect(Mon.info())
IO.inspect(Mon.spawned())
IO.inspect(Mon.by_name())
