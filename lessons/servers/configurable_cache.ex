defmodule ConfigurableCache do
  @moduledoc """
  A bounded cache with a time to live, configured when it starts.

  `ConfigurableCache.start_link(max_size: 3, ttl: 10)` starts it under the
  name `ConfigurableCache` (defaults: 100 entries, 3600 seconds). `put/2`
  is a cast; `get/1` answers `{:ok, value}`, `{:error, :not_found}`, or
  `{:error, :expired}` when the entry was not read for more than `ttl`
  seconds; `stats/0` answers the size and the settings.

  The state is a `%ConfigurableCache{}` struct: the settings, the `data`
  map and, per key, the second it was last written or read
  (`access_times`). A put into a full cache first evicts the key used
  longest ago.
  """
  use GenServer

  defstruct [:max_size, :ttl, :data, :access_times]

  # ---- what callers use ----

  @doc """
  Starts the cache, registered as `ConfigurableCache`. Options:
  `:max_size` (entries, default 100) and `:ttl` (seconds, default 3600).
  """
  def start_link(opts) do
    max_size = Keyword.get(opts, :max_size, 100)
    ttl = Keyword.get(opts, :ttl, 3600)
    GenServer.start_link(__MODULE__, {max_size, ttl}, name: __MODULE__)
  end

  @doc "Stores `value` under `key`, evicting the oldest entry when full. A cast: answers `:ok`."
  def put(key, value) do
    GenServer.cast(__MODULE__, {:put, key, value})
  end

  @doc """
  Answers `{:ok, value}` and counts the read as a use; `{:error, :expired}`
  (and drops the entry) when it was unused for more than `ttl` seconds;
  `{:error, :not_found}` for a key it does not hold.
  """
  def get(key) do
    GenServer.call(__MODULE__, {:get, key})
  end

  @doc "Answers `%{size: entries, max_size: ..., ttl: ...}`."
  def stats do
    GenServer.call(__MODULE__, :stats)
  end

  # ---- what the server process runs ----

  @impl true
  def init({max_size, ttl}) do
    cache = %__MODULE__{
      max_size: max_size,
      ttl: ttl,
      data: %{},
      access_times: %{}
    }

    {:ok, cache}
  end

  @impl true
  def handle_call({:get, key}, _from, cache) do
    now = System.system_time(:second)

    case Map.get(cache.data, key) do
      nil ->
        {:reply, {:error, :not_found}, cache}

      value ->
        case Map.get(cache.access_times, key) do
          nil ->
            {:reply, {:error, :not_found}, cache}

          stamp when now - stamp > cache.ttl ->
            # too old: forget it
            {:reply, {:error, :expired}, remove_entry(cache, key)}

          _stamp ->
            # a read counts as a use
            {:reply, {:ok, value}, %{cache | access_times: Map.put(cache.access_times, key, now)}}
        end
    end
  end

  @impl true
  def handle_call(:stats, _from, cache) do
    stats = %{
      size: map_size(cache.data),
      max_size: cache.max_size,
      ttl: cache.ttl
    }

    {:reply, stats, cache}
  end

  @impl true
  def handle_cast({:put, key, value}, cache) do
    now = System.system_time(:second)

    # make room first when the cache is full
    cache =
      if map_size(cache.data) >= cache.max_size do
        evict_oldest(cache)
      else
        cache
      end

    cache = %{
      cache
      | data: Map.put(cache.data, key, value),
        access_times: Map.put(cache.access_times, key, now)
    }

    {:noreply, cache}
  end

  # ---- helpers ----

  defp remove_entry(cache, key) do
    %{cache | data: Map.delete(cache.data, key), access_times: Map.delete(cache.access_times, key)}
  end

  # the key whose last use is the earliest
  defp evict_oldest(cache) do
    {oldest_key, _time} = Enum.min_by(cache.access_times, fn {_key, time} -> time end)
    remove_entry(cache, oldest_key)
  end
end
