# Task.yield answers nil while the task runs and keeps it running;
# yield_many collects what finished in time; shutdown stops the rest.
# Logger writes to standard output by default; its reports go to standard
# error here, where only the first "** (" line is compared.
Logger.configure_backend(:console, device: :standard_error)

t = Task.async(fn -> Process.sleep(500); :finally end)
IO.inspect(Task.yield(t, 100), label: "after 100 ms")
IO.inspect(Task.yield(t, 100), label: "after 200 ms")
IO.inspect(Task.yield(t, 1000), label: "after 1200 ms")

Process.flag(:trap_exit, true)
crash = Task.async(fn -> exit(:bad) end)
IO.inspect(Task.yield(crash), label: "crashed")

tasks =
  for ms <- [100, 5000, 200, 10_000] do
    Task.async(fn -> Process.sleep(ms); ms end)
  end

results = Task.yield_many(tasks, 1000)

for {task, res} <- results do
  IO.inspect(res)
  res || Task.shutdown(task, :brutal_kill)
end

IO.inspect(Enum.map(tasks, &Process.alive?(&1.pid)), label: "alive")
t = Task.async(fn -> Process.sleep(300); :late end)
IO.inspect(Task.yield(t, 0) || Task.shutdown(t), label: "yield or shutdown")
t = Task.async(fn -> :early end)
Process.sleep(10)
IO.inspect(Task.yield(t, 0) || Task.shutdown(t), label: "yield or shutdown")
t = Task.async(fn -> :done_already end)
Process.sleep(10)
IO.inspect(Task.shutdown(t), label: "shutdown of a finished task")
IO.inspect(Task.ignore(Task.async(fn -> Process.sleep(100) end)), label: "ignore")
Process.sleep(200)
IO.inspect(Process.info(self(), :message_queue_len))
