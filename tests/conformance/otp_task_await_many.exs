# Task.await_many waits for all tasks in one deadline; yield_many answers
# per task.
# Logger writes to standard output by default; its reports go to standard
# error here, where only the first "** (" line is compared.
Logger.configure_backend(:console, device: :standard_error)

tasks = for ms <- [3000, 1000, 2000], do: Task.async(fn -> Process.sleep(ms); ms end)
t0 = System.monotonic_time(:millisecond)
IO.inspect(Task.await_many(tasks))
IO.inspect(System.monotonic_time(:millisecond) - t0 < 5000, label: "in parallel")
IO.inspect(Task.await_many([]))

tasks = for ms <- [500, 1000, 3000], do: Task.async(fn -> Process.sleep(ms); ms * 2 end)

for {task, result} <- Task.yield_many(tasks, 2000) do
  IO.inspect({task.mfa, result})
end

IO.inspect(Task.yield_many(tasks, 5000) |> Enum.map(&elem(&1, 1)))
Process.flag(:trap_exit, true)
mixed = [Task.async(fn -> :ok end), Task.async(fn -> exit(:boom) end), Task.async(fn -> Process.sleep(50); :late end)]
IO.inspect(Task.yield_many(mixed) |> Enum.map(&elem(&1, 1)))

try do
  Task.await_many([Task.async(fn -> Process.sleep(10); exit(:bad) end), Task.async(fn -> :fine end)])
catch
  :exit, {reason, {Task, :await_many, [_, 5000]}} -> IO.inspect(reason, label: "await_many exit")
end
