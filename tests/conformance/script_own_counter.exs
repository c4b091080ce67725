# A script sees none of the shell's preloaded servers: its own Counter,
# with another API (implementing-servers' version), is the one that runs,
# and Stack, which it does not define, is not there.
defmodule Counter do
  use GenServer

  def start_link(initial_count) do
    GenServer.start_link(__MODULE__, initial_count, name: __MODULE__)
  end

  def increment, do: GenServer.cast(__MODULE__, :increment)
  def get_count, do: GenServer.call(__MODULE__, :get_count)

  def init(initial_count), do: {:ok, initial_count}
  def handle_call(:get_count, _from, count), do: {:reply, count, count}
  def handle_cast(:increment, count), do: {:noreply, count + 1}
end

{:ok, _pid} = Counter.start_link(5)
IO.inspect(Counter.increment())
IO.inspect(Counter.get_count())
IO.inspect(function_exported?(Counter, :get_value, 0))
IO.inspect(Code.ensure_loaded?(Stack))
IO.inspect(Code.ensure_loaded?(SessionStore))
IO.inspect(Code.ensure_loaded?(GenServer))
Stack.start_link([1, 2, 3])
