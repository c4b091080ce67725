# A callback's third element must be a timeout, :hibernate or {:continue, _}:
# anything else is a bad return value.
defmodule Third do
  use GenServer
  def init(:bad_init), do: {:ok, 0, :soon}
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, s), do: {:reply, s, s, :later}
  def handle_call(:ok_timeout, _from, s), do: {:reply, s, s, 0}
  def handle_call(:ok_hibernate, _from, s), do: {:reply, s, s, :hibernate}
  def handle_cast(:inc, s), do: {:noreply, s + 1, -5}
  def handle_cast(:cont, s), do: {:noreply, s, {:continue, :more}}
  def handle_continue(:more, s), do: {:noreply, s + 10}
  def handle_info(:timeout, s), do: {:noreply, s}
end

require Logger
Logger.configure(level: :critical)
Process.flag(:trap_exit, true)
IO.inspect(GenServer.start_link(Third, :bad_init))
receive do {:EXIT, _, r} -> IO.inspect(r) end
{:ok, pid} = GenServer.start_link(Third, 1)
IO.inspect(GenServer.call(pid, :ok_timeout))
IO.inspect(GenServer.call(pid, :ok_hibernate))
GenServer.cast(pid, :cont)
IO.inspect(:sys.get_state(pid))
IO.inspect(try do GenServer.call(pid, :get) catch :exit, e -> e end)
receive do {:EXIT, _, r} -> IO.inspect(r) end
{:ok, pid} = GenServer.start_link(Third, 1)
GenServer.cast(pid, :inc)
receive do {:EXIT, _, r} -> IO.inspect(r) end
