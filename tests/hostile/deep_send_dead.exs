# Sending a deep term to a process that is gone.
deep = Enum.reduce(1..1_000_000, 0, fn _, acc -> [acc | acc] end)
{pid, ref} = spawn_monitor(fn -> :ok end)
receive do {:DOWN, _, _, _, _} -> :ok end
send(pid, deep)
IO.puts(:sent)
