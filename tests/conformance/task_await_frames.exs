# Where Task.await/2 exits, as a stack trace shows it: the task's own exit
# and a timeout come from different lines of lib/task.ex.
require Logger
Logger.configure(level: :critical)
Process.flag(:trap_exit, true)

try do
  Task.async(fn -> exit(:no_luck) end) |> Task.await()
catch
  :exit, {reason, _} -> IO.inspect({reason, hd(__STACKTRACE__)})
end

try do
  Task.async(fn -> Process.sleep(100) end) |> Task.await(10)
catch
  :exit, {reason, _} -> IO.inspect({reason, hd(__STACKTRACE__)})
end
