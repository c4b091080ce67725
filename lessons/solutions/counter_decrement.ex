defmodule Counter do
  use GenServer

  def start_link(initial_value \\ 0) do
    GenServer.start_link(__MODULE__, initial_value, name: __MODULE__)
  end

  def increment, do: GenServer.call(__MODULE__, :increment)
  def get_value, do: GenServer.call(__MODULE__, :get_value)
  def reset, do: GenServer.cast(__MODULE__, :reset)
  def decrement, do: GenServer.call(__MODULE__, :decrement)

  @impl true
  def init(initial_value), do: {:ok, initial_value}

  @impl true
  def handle_call(:increment, _from, count), do: {:reply, count + 1, count + 1}
  def handle_call(:get_value, _from, count), do: {:reply, count, count}
  def handle_call(:decrement, _from, count), do: {:reply, count - 1, count - 1}

  @impl true
  def handle_cast(:reset, _count), do: {:noreply, 0}
end
