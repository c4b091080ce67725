# A script traced with --trace=Counter2 and drawn with --diagram=mermaid:
# only the named server's blocks print; the diagram comes at the end.
defmodule Counter2 do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
  def init(n), do: {:ok, n}
  def handle_call(:increment, _from, n), do: {:reply, n + 1, n + 1}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
end

defmodule Quiet do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_cast(:poke, s), do: {:noreply, s + 1}
end

{:ok, _} = Counter2.start_link(1)
{:ok, quiet} = GenServer.start_link(Quiet, 0)
GenServer.cast(quiet, :poke)
IO.puts(GenServer.call(Counter2, :increment))
GenServer.cast(Counter2, {:add, 10})
IO.puts(GenServer.call(Counter2, :increment))
