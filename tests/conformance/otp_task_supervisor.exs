# Task.Supervisor: supervised tasks, async_nolink for work that may fail
# without taking the caller down.
# Logger writes to standard output by default; its reports go to standard
# error here, where only the first "** (" line is compared.
Logger.configure_backend(:console, device: :standard_error)

{:ok, sup} = Task.Supervisor.start_link(name: MyTasks)
IO.inspect(Process.whereis(MyTasks) == sup, label: "named")

t = Task.Supervisor.async(MyTasks, fn -> 1 + 1 end)
IO.inspect(Task.await(t))

t = Task.Supervisor.async_nolink(MyTasks, fn -> exit(:failed) end)
IO.inspect(Task.yield(t), label: "nolink failure")

t = Task.Supervisor.async_nolink(MyTasks, fn -> Process.sleep(:infinity) end)
IO.inspect(length(Task.Supervisor.children(MyTasks)), label: "children")
IO.inspect(Task.shutdown(t, :brutal_kill), label: "shutdown")
IO.inspect(Task.Supervisor.children(MyTasks), label: "children")

parent = self()
{:ok, pid} = Task.Supervisor.start_child(MyTasks, fn -> send(parent, :side_effect) end)
IO.inspect(is_pid(pid))

receive do
  :side_effect -> IO.puts("side effect done")
end

{:ok, pid} = Task.Supervisor.start_child(MyTasks, fn -> Process.sleep(:infinity) end)
IO.inspect(DynamicSupervisor.count_children(MyTasks))
IO.inspect(Task.Supervisor.terminate_child(MyTasks, pid))
IO.inspect(Task.Supervisor.terminate_child(MyTasks, pid))
IO.inspect(DynamicSupervisor.count_children(MyTasks))

defmodule Work do
  def double(x), do: 2 * x
end

tasks = for i <- 1..3, do: Task.Supervisor.async(MyTasks, Work, :double, [i])
IO.inspect(Task.await_many(tasks))

{:ok, limited} = Task.Supervisor.start_link(max_children: 1)
_ = Task.Supervisor.async_nolink(limited, fn -> Process.sleep(1000) end)

try do
  Task.Supervisor.async_nolink(limited, fn -> :too_many end)
rescue
  e -> IO.puts(Exception.message(e))
end

IO.inspect(Task.Supervisor.start_child(limited, fn -> :x end))
