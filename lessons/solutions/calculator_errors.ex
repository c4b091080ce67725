defmodule Calculator do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: __MODULE__)
  def divide(a, b), do: GenServer.call(__MODULE__, {:divide, a, b})
  def count, do: GenServer.call(__MODULE__, :count)

  @impl true
  def init(count), do: {:ok, count}

  @impl true
  def handle_call({:divide, _a, 0}, _from, count), do: {:reply, {:error, :division_by_zero}, count}
  def handle_call({:divide, a, b}, _from, count), do: {:reply, {:ok, div(a, b)}, count + 1}
  def handle_call(:count, _from, count), do: {:reply, count, count}
end
