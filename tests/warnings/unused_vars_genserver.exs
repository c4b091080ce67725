# A GenServer that forgets to use what it is given: Elixir's compiler
# warns about each unused variable, naming the callback.
defmodule Counter2 do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n)
  def init(n), do: {:ok, n}
  def handle_call(:get, from, state), do: {:reply, state, state}
  def handle_cast({:add, n}, state), do: {:noreply, state}

  def handle_info(msg, state) do
    {:noreply, state}
  end
end

{:ok, pid} = Counter2.start_link(1)
GenServer.cast(pid, {:add, 5})
IO.inspect(GenServer.call(pid, :get))
