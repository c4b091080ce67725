# throw/1 as a way to return from a callback, and :hibernate returns.
defmodule Thrower do
  use GenServer
  def init(n), do: {:ok, n, :hibernate}
  def handle_call(:get, _from, n), do: {:reply, n, n, :hibernate}
  def handle_call({:add, x}, _from, n), do: if(x < 0, do: throw({:reply, :negative, n}), else: {:reply, :ok, n + x})
  def handle_cast({:set, x}, _n), do: throw({:noreply, x, :hibernate})
  def handle_info(:inc, n), do: {:noreply, n + 1, :hibernate}
end

{:ok, pid} = GenServer.start_link(Thrower, 1)
IO.inspect(GenServer.call(pid, :get))
IO.inspect(GenServer.call(pid, {:add, 5}))
IO.inspect(GenServer.call(pid, {:add, -5}))
GenServer.cast(pid, {:set, 100})
send(pid, :inc)
IO.inspect(GenServer.call(pid, :get))
IO.inspect(Process.alive?(pid))
