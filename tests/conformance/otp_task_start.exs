# Task.start and Task.start_link run a function for its side effects;
# a linked task that fails takes its trapping caller an {:EXIT, ...}.
parent = self()
{:ok, pid} = Task.start(fn -> send(parent, {:hello_from, self()}) end)

receive do
  {:hello_from, ^pid} -> IO.puts("got hello from the task")
end

Process.flag(:trap_exit, true)
{:ok, pid} = Task.start_link(fn -> receive do: (:go -> send(parent, :went)) end)
IO.inspect(pid in elem(Process.info(self(), :links), 1), label: "linked")
send(pid, :go)

receive do
  :went -> IO.puts("went")
end

receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "normal end")
end

{:ok, pid} = Task.start_link(fn -> exit({:shutdown, :enough}) end)

receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "shutdown end")
end

defmodule Greeter do
  def greet(to, name), do: send(to, {:greeting, "hello " <> name})
end

{:ok, _} = Task.start(Greeter, :greet, [self(), "world"])

receive do
  {:greeting, text} -> IO.puts(text)
end

{:ok, pid} = Task.start(fn -> Process.sleep(:infinity) end)
IO.inspect(Process.info(self(), :links) |> elem(1) |> Enum.member?(pid), label: "start links?")
Process.exit(pid, :kill)
IO.puts("end")
