defmodule ConfigurableCache do
  use GenServer

  defstruct [:max_size, :ttl, :data, :access_times]

  ## Client API

  def start_link(opts) do
    max_size = Keyword.get(opts, :max_size, 100)
    ttl = Keyword.get(opts, :ttl, 3600)
    GenServer.start_link(__MODULE__, {max_size, ttl}, name: __MODULE__)
  end

  def put(key, value) do
    GenServer.cast(__MODULE__, {:put, key, value})
  end

  def get(key) do
    GenServer.call(__MODULE__, {:get, key})
  end

  def stats do
    GenServer.call(__MODULE__, :stats)
  end

  ## Server Callbacks

  @impl true
  def init({max_size, ttl}) do
    state = %__MODULE__{
      max_size: max_size,
      ttl: ttl,
      data: %{},
      access_times: %{}
    }
    {:ok, state}
  end

  @impl true
  def handle_call({:get, key}, _from, state) do
    now = System.system_time(:second)

    case Map.get(state.data, key) do
      nil ->
        {:reply, {:error, :not_found}, state}

      value ->
        case Map.get(state.access_times, key) do
          nil -> {:reply, {:error, :not_found}, state}
          timestamp when now - timestamp > state.ttl ->
            # Expired
            new_state = remove_entry(state, key)
            {:reply, {:error, :expired}, new_state}
          _timestamp ->
            # Update access time
            new_access_times = Map.put(state.access_times, key, now)
            new_state = %{state | access_times: new_access_times}
            {:reply, {:ok, value}, new_state}
        end
    end
  end

  @impl true
  def handle_call(:stats, _from, state) do
    stats = %{
      size: map_size(state.data),
      max_size: state.max_size,
      ttl: state.ttl
    }
    {:reply, stats, state}
  end

  @impl true
  def handle_cast({:put, key, value}, state) do
    now = System.system_time(:second)

    # Evict if at capacity
    state = if map_size(state.data) >= state.max_size do
      evict_oldest(state)
    else
      state
    end

    new_data = Map.put(state.data, key, value)
    new_access_times = Map.put(state.access_times, key, now)

    new_state = %{state | data: new_data, access_times: new_access_times}
    {:noreply, new_state}
  end

  ## Private Functions

  defp remove_entry(state, key) do
    %{state |
      data: Map.delete(state.data, key),
      access_times: Map.delete(state.access_times, key)
    }
  end

  defp evict_oldest(state) do
    {oldest_key, _time} = Enum.min_by(state.access_times, fn {_k, v} -> v end)
    remove_entry(state, oldest_key)
  end
end

{:ok, _pid} = ConfigurableCache.start_link(max_size: 3, ttl: 10)
ConfigurableCache.put(:a, 1)
ConfigurableCache.put(:b, 2)
ConfigurableCache.get(:a)        # {:ok, 1}
ConfigurableCache.stats()        # %{size: 2, max_size: 3, ttl: 10}
