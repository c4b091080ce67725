# A variable alone as a statement of a block, not its last: Elixir warns
# that it has no effect (in a def, a fn, an if's branch), before the
# clause's unused variables.
defmodule Keeper do
  use GenServer

  def init(state), do: {:ok, state}

  def handle_call(:get, from, state) do
    state
    {:reply, state, state}
  end

  def handle_cast({:put, value}, state) do
    value
    f = fn v ->
      v
      [v | state]
    end
    if value do
      state
      :ok
    end
    {:noreply, f.(value)}
  end
end

{:ok, pid} = GenServer.start_link(Keeper, [])
GenServer.cast(pid, {:put, 1})
IO.inspect(GenServer.call(pid, :get))
