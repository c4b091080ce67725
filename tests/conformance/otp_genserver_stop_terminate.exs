# GenServer.stop/1,2,3 and {:stop, ...} returns: terminate/2 sees the
# reason, the stopper gets :ok or an exit.
Logger.configure(level: :none)

defmodule Stoppable do
  use GenServer
  def init(test), do: {:ok, test}
  def handle_call(:stop_reply, _from, test), do: {:stop, :normal, :stopped_with_reply, test}
  def handle_cast(:stop, test), do: {:noreply, test} |> then(fn _ -> {:stop, {:shutdown, :cast}, test} end)
  def handle_info(:stop, test), do: {:stop, :info_stop, test}
  def terminate(:crash_in_terminate, _test), do: raise("terminate failed")
  def terminate(reason, test), do: send(test, {:terminated, reason})
end

flush = fn ->
  receive do
    {:terminated, reason} -> IO.inspect(reason, label: "terminate")
  after
    0 -> IO.puts("terminate not called")
  end
end

{:ok, pid} = GenServer.start(Stoppable, self())
IO.inspect(GenServer.stop(pid))
flush.()

{:ok, pid} = GenServer.start(Stoppable, self())
IO.inspect(GenServer.stop(pid, :shutdown))
flush.()

{:ok, pid} = GenServer.start(Stoppable, self())
IO.inspect(GenServer.stop(pid, {:shutdown, :because}, 1000))
flush.()

{:ok, pid} = GenServer.start(Stoppable, self())
IO.inspect(GenServer.stop(pid, :custom))
flush.()

{:ok, pid} = GenServer.start(Stoppable, self())
try do
  GenServer.stop(pid, :crash_in_terminate)
catch
  :exit, {{%RuntimeError{message: m}, _}, {GenServer, :stop, [_, reason, timeout]}} ->
    IO.inspect({m, reason, timeout})
end

{:ok, pid} = GenServer.start(Stoppable, self())
IO.inspect(GenServer.call(pid, :stop_reply))
flush.()
IO.inspect(Process.alive?(pid))

{:ok, pid} = GenServer.start(Stoppable, self())
ref = Process.monitor(pid)
GenServer.cast(pid, :stop)
receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "DOWN")
end
flush.()

{:ok, pid} = GenServer.start(Stoppable, self())
ref = Process.monitor(pid)
send(pid, :stop)
receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "DOWN")
end
flush.()
IO.inspect(Process.info(self(), :messages))
