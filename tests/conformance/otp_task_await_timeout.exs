# Task.await exits with {:timeout, {Task, :await, [task, timeout]}} when the
# reply does not come in time; the caller can catch that exit.
# Logger writes to standard output by default; its reports go to standard
# error here, where only the first "** (" line is compared.
Logger.configure_backend(:console, device: :standard_error)

t = Task.async(fn -> Process.sleep(10_000) end)

try do
  Task.await(t, 100)
catch
  :exit, {:timeout, {Task, :await, [task, 100]}} = reason ->
    IO.inspect(elem(reason, 0), label: "reason")
    IO.inspect(task == t, label: "same task")
end

IO.inspect(Process.alive?(t.pid), label: "task still running")
IO.inspect(Process.info(self(), :message_queue_len))

t2 = Task.async(fn -> Process.sleep(6000) end)

try do
  Task.await(t2)
catch
  :exit, {reason, {mod, fun, [_task, timeout]}} -> IO.inspect({reason, mod, fun, timeout})
end

t3 = Task.async(fn -> Process.sleep(10_000) end)

try do
  Task.await_many([Task.async(fn -> :quick end), t3], 500)
catch
  :exit, {reason, {mod, fun, [tasks, timeout]}} -> IO.inspect({reason, mod, fun, length(tasks), timeout})
end

Process.flag(:trap_exit, true)
t4 = Task.async(fn -> exit(:oops) end)

try do
  Task.await(t4)
catch
  :exit, {reason, {Task, :await, _}} -> IO.inspect(reason, label: "task exited")
end

receive do
  {:EXIT, pid, reason} -> IO.inspect({pid == t4.pid, reason}, label: "EXIT")
end
