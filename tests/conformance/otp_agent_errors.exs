# Agent errors: a name already taken, a call timing out, a dead agent, a
# stop with a reason.
{:ok, pid} = Agent.start_link(fn -> 0 end, name: :counter)
{:error, {:already_started, other}} = Agent.start_link(fn -> 1 end, name: :counter)
IO.inspect(other == pid, label: "already started")

Agent.cast(:counter, fn n -> Process.sleep(1000); n + 1 end)

try do
  Agent.get(:counter, & &1, 100)
catch
  :exit, {reason, {GenServer, :call, [name, {:get, _fun}, timeout]}} ->
    IO.inspect({reason, name, timeout})
end

IO.inspect(Agent.get(:counter, & &1), label: "after the slow cast")
Process.flag(:trap_exit, true)
:ok = Agent.stop(:counter, :shutdown)

receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "EXIT")
end

try do
  Agent.get(:counter, & &1)
catch
  :exit, {reason, {GenServer, :call, [name, _, timeout]}} -> IO.inspect({reason, name, timeout})
end

try do
  Agent.update(pid, & &1)
catch
  :exit, {reason, {GenServer, :call, [_pid, _, _]}} -> IO.inspect(reason, label: "dead pid")
end

IO.inspect(Agent.start(fn -> {:ok, :anything} end) |> elem(0))
defmodule Watch do
  def stop_and_watch(agent) do
    ref = Process.monitor(agent)
    Agent.stop(agent, :normal)

    receive do
      {:DOWN, ^ref, :process, ^agent, reason} -> IO.inspect(reason, label: "DOWN")
    end
  end
end

{:ok, a} = Agent.start(fn -> 1 end)
Watch.stop_and_watch(a)
