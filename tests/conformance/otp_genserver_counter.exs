# The tutorial's Counter: a named server with calls and a cast.
defmodule Counter do
  use GenServer

  def start_link(initial \\ 0), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)
  def increment, do: GenServer.call(__MODULE__, :increment)
  def value, do: GenServer.call(__MODULE__, :value)
  def reset, do: GenServer.cast(__MODULE__, :reset)

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_call(:increment, _from, n), do: {:reply, n + 1, n + 1}
  def handle_call(:value, _from, n), do: {:reply, n, n}

  @impl true
  def handle_cast(:reset, _n), do: {:noreply, 0}
end

{:ok, pid} = Counter.start_link(10)
IO.inspect(is_pid(pid))
IO.inspect(Process.whereis(Counter) == pid)
IO.inspect(GenServer.whereis(Counter) == pid)
IO.inspect(Counter.increment())
IO.inspect(Counter.increment())
IO.inspect(Counter.value())
IO.inspect(Counter.reset())
IO.inspect(Counter.value())
for _ <- 1..5, do: Counter.increment()
IO.inspect(Counter.value())
IO.inspect(Counter.start_link(3) |> elem(0))
IO.inspect(Counter.child_spec(7))
IO.inspect(Process.alive?(pid))
IO.inspect(GenServer.stop(Counter))
IO.inspect(Process.alive?(pid))
IO.inspect(GenServer.whereis(Counter))
