# Callbacks that return something GenServer does not understand.
Logger.configure(level: :none)

defmodule Odd do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(:odd, _from, _s), do: :what
  def handle_call(:ok_tuple, _from, s), do: {:ok, s}
  def handle_cast(:odd, s), do: {:reply, :nobody, s}
  def handle_info(:odd, _s), do: nil
end

Process.flag(:trap_exit, true)

for request <- [:odd, :ok_tuple] do
  {:ok, pid} = GenServer.start_link(Odd, 1)

  try do
    GenServer.call(pid, request)
  catch
    :exit, {reason, {GenServer, :call, [_, req, timeout]}} -> IO.inspect({reason, req, timeout})
  end

  receive do
    {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "EXIT")
  end
end

{:ok, pid} = GenServer.start_link(Odd, 2)
GenServer.cast(pid, :odd)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "EXIT")
end

{:ok, pid} = GenServer.start_link(Odd, 3)
send(pid, :odd)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "EXIT")
end
