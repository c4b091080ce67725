defmodule KeyValueStore do
  use GenServer

  def start_link(opts \\ []), do: GenServer.start_link(__MODULE__, :ok, opts)

  def put(pid, key, value), do: GenServer.cast(pid, {:put, key, value})
  def get(pid, key), do: GenServer.call(pid, {:get, key})

  def put_new(pid, key, value), do: GenServer.call(pid, {:put_new, key, value})

  @impl true
  def init(:ok), do: {:ok, %{}}

  @impl true
  def handle_call({:get, key}, _from, map) do
    case Map.fetch(map, key) do
      {:ok, value} -> {:reply, {:ok, value}, map}
      :error -> {:reply, {:error, :not_found}, map}
    end
  end

  def handle_call({:put_new, key, value}, _from, map) do
    if Map.has_key?(map, key) do
      {:reply, {:error, :exists}, map}
    else
      {:reply, :ok, Map.put(map, key, value)}
    end
  end

  @impl true
  def handle_cast({:put, key, value}, map), do: {:noreply, Map.put(map, key, value)}
end
