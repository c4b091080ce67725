# The tutorial's KeyValueStore with its {:ok, _} / {:error, _} replies.
defmodule KeyValueStore do
  use GenServer

  def start_link(opts \\ []), do: GenServer.start_link(__MODULE__, :ok, opts)
  def put(pid, key, value), do: GenServer.cast(pid, {:put, key, value})
  def get(pid, key), do: GenServer.call(pid, {:get, key})
  def delete(pid, key), do: GenServer.call(pid, {:delete, key})
  def keys(pid), do: GenServer.call(pid, :keys)
  def clear(pid), do: GenServer.cast(pid, :clear)

  @impl true
  def init(:ok), do: {:ok, %{}}

  @impl true
  def handle_call({:get, key}, _from, map) do
    case Map.fetch(map, key) do
      {:ok, value} -> {:reply, {:ok, value}, map}
      :error -> {:reply, {:error, :not_found}, map}
    end
  end

  def handle_call({:delete, key}, _from, map) do
    case Map.pop(map, key) do
      {nil, _} -> {:reply, {:error, :not_found}, map}
      {value, rest} -> {:reply, {:ok, value}, rest}
    end
  end

  def handle_call(:keys, _from, map), do: {:reply, Map.keys(map), map}

  @impl true
  def handle_cast({:put, key, value}, map), do: {:noreply, Map.put(map, key, value)}
  def handle_cast(:clear, _map), do: {:noreply, %{}}
end

{:ok, pid} = KeyValueStore.start_link()
KeyValueStore.put(pid, :name, "Alice")
KeyValueStore.put(pid, :age, 30)
IO.inspect(KeyValueStore.get(pid, :name))
IO.inspect(KeyValueStore.get(pid, :missing))
IO.inspect(KeyValueStore.keys(pid))
IO.inspect(KeyValueStore.delete(pid, :age))
IO.inspect(KeyValueStore.delete(pid, :age))
IO.inspect(KeyValueStore.clear(pid))
IO.inspect(KeyValueStore.keys(pid))

{:ok, _} = KeyValueStore.start_link(name: :store)
KeyValueStore.put(:store, "k", [1, 2])
IO.inspect(KeyValueStore.get(:store, "k"))
IO.inspect(:sys.get_state(:store))
for i <- 1..40, do: KeyValueStore.put(:store, i, i * i)
IO.inspect(length(KeyValueStore.keys(:store)))
IO.inspect(KeyValueStore.get(:store, 33))
