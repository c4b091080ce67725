# The tutorial's ConfigurableCache: a struct state, options, eviction of
# the oldest entry when full.
defmodule ConfigurableCache do
  use GenServer

  defstruct [:max_size, :ttl, data: %{}, stamps: %{}, clock: 0]

  def start_link(opts) do
    max_size = Keyword.get(opts, :max_size, 100)
    ttl = Keyword.get(opts, :ttl, 3600)
    GenServer.start_link(__MODULE__, {max_size, ttl}, name: __MODULE__)
  end

  def put(key, value), do: GenServer.cast(__MODULE__, {:put, key, value})
  def get(key), do: GenServer.call(__MODULE__, {:get, key})
  def stats, do: GenServer.call(__MODULE__, :stats)
  def tick(n), do: GenServer.cast(__MODULE__, {:tick, n})

  @impl true
  def init({max_size, ttl}), do: {:ok, %__MODULE__{max_size: max_size, ttl: ttl}}

  @impl true
  def handle_call({:get, key}, _from, state) do
    case Map.fetch(state.data, key) do
      :error ->
        {:reply, {:error, :not_found}, state}

      {:ok, value} ->
        if state.clock - Map.fetch!(state.stamps, key) > state.ttl do
          {:reply, {:error, :expired}, remove(state, key)}
        else
          {:reply, {:ok, value}, %{state | stamps: Map.put(state.stamps, key, state.clock)}}
        end
    end
  end

  def handle_call(:stats, _from, state) do
    {:reply, %{size: map_size(state.data), max_size: state.max_size, ttl: state.ttl}, state}
  end

  @impl true
  def handle_cast({:put, key, value}, state) do
    state =
      if map_size(state.data) >= state.max_size and not Map.has_key?(state.data, key),
        do: evict_oldest(state),
        else: state

    {:noreply,
     %{state | data: Map.put(state.data, key, value), stamps: Map.put(state.stamps, key, state.clock)}}
  end

  def handle_cast({:tick, n}, state), do: {:noreply, %{state | clock: state.clock + n}}

  defp remove(state, key) do
    %{state | data: Map.delete(state.data, key), stamps: Map.delete(state.stamps, key)}
  end

  defp evict_oldest(state) do
    {key, _} = Enum.min_by(state.stamps, fn {_k, t} -> t end)
    remove(state, key)
  end
end

{:ok, _pid} = ConfigurableCache.start_link(max_size: 3, ttl: 10)
ConfigurableCache.put(:a, 1)
ConfigurableCache.tick(1)
ConfigurableCache.put(:b, 2)
IO.inspect(ConfigurableCache.get(:a))
IO.inspect(ConfigurableCache.stats())
ConfigurableCache.tick(1)
ConfigurableCache.put(:c, 3)
ConfigurableCache.tick(1)
ConfigurableCache.put(:d, 4)
IO.inspect(ConfigurableCache.get(:b))
IO.inspect(ConfigurableCache.get(:a))
IO.inspect(ConfigurableCache.stats())
ConfigurableCache.tick(20)
IO.inspect(ConfigurableCache.get(:c))
IO.inspect(ConfigurableCache.stats())
IO.inspect(:sys.get_state(ConfigurableCache))
