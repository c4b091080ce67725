# GenServer.multi_call and abcast on a lone node: replies from this node, the others bad.
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call({:add, k}, _from, n), do: {:reply, n + k, n + k}
  def handle_cast({:set, k}, _n), do: {:noreply, k}
end
{:ok, _} = GenServer.start_link(Counter, 5, name: Counter)
IO.inspect GenServer.multi_call(Counter, :get)
IO.inspect GenServer.multi_call([node()], Counter, {:add, 2})
IO.inspect GenServer.multi_call([node(), :other@host], Counter, :get)
IO.inspect GenServer.multi_call(Missing, :get)
IO.inspect GenServer.multi_call([node()], Counter, :get, 1000)

IO.inspect GenServer.abcast(Counter, {:set, 1})
IO.inspect GenServer.abcast([node()], Counter, {:set, 2})
IO.inspect GenServer.call(Counter, :get)
IO.inspect {node(), Node.self(), Node.alive?()}
