defmodule ConfigurableCache do
  use GenServer

  defstruct [:max_size, :ttl, :data, :access_times]

  def start_link(opts) do
    max_size = Keyword.get(opts, :max_size, 100)
    ttl = Keyword.get(opts, :ttl, 3600)
    GenServer.start_link(__MODULE__, {max_size, ttl}, name: __MODULE__)
  end

  def put(key, value), do: GenServer.cast(__MODULE__, {:put, key, value})
  def get(key), do: GenServer.call(__MODULE__, {:get, key})
  def stats, do: GenServer.call(__MODULE__, :stats)

  def fetch(key, fun), do: GenServer.call(__MODULE__, {:fetch, key, fun})

  @impl true
  def init({max_size, ttl}) do
    {:ok, %__MODULE__{max_size: max_size, ttl: ttl, data: %{}, access_times: %{}}}
  end

  @impl true
  def handle_call({:get, key}, _from, cache) do
    now = System.system_time(:second)

    case Map.fetch(cache.data, key) do
      :error ->
        {:reply, {:error, :not_found}, cache}

      {:ok, value} ->
        if now - Map.fetch!(cache.access_times, key) > cache.ttl do
          {:reply, {:error, :expired}, remove(cache, key)}
        else
          {:reply, {:ok, value}, touch(cache, key, now)}
        end
    end
  end

  def handle_call({:fetch, key, fun}, _from, cache) do
    now = System.system_time(:second)

    case Map.fetch(cache.data, key) do
      {:ok, value} when now - :erlang.map_get(key, cache.access_times) <= cache.ttl ->
        {:reply, {:ok, value}, touch(cache, key, now)}

      _missing_or_expired ->
        value = fun.()
        cache = %{cache | data: Map.put(cache.data, key, value)}
        {:reply, {:ok, value}, touch(cache, key, now)}
    end
  end

  def handle_call(:stats, _from, cache) do
    {:reply, %{size: map_size(cache.data), max_size: cache.max_size, ttl: cache.ttl}, cache}
  end

  @impl true
  def handle_cast({:put, key, value}, cache) do
    cache = %{cache | data: Map.put(cache.data, key, value)}
    {:noreply, touch(cache, key, System.system_time(:second))}
  end

  defp touch(cache, key, now), do: %{cache | access_times: Map.put(cache.access_times, key, now)}

  defp remove(cache, key) do
    %{cache | data: Map.delete(cache.data, key), access_times: Map.delete(cache.access_times, key)}
  end
end
