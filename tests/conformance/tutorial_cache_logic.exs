# ConfigurableCache's struct state, eviction and TTL with an explicit clock.
defmodule CacheLogic do
  defstruct [:max_size, :ttl, :data, :access_times]

  def init({max_size, ttl}) do
    {:ok, %__MODULE__{max_size: max_size, ttl: ttl, data: %{}, access_times: %{}}}
  end

  def put(state, key, value, now) do
    state = if map_size(state.data) >= state.max_size, do: evict_oldest(state), else: state
    %{state | data: Map.put(state.data, key, value), access_times: Map.put(state.access_times, key, now)}
  end

  def get(state, key, now) do
    case Map.get(state.data, key) do
      nil ->
        {{:error, :not_found}, state}

      value ->
        case Map.get(state.access_times, key) do
          nil -> {{:error, :not_found}, state}
          timestamp when now - timestamp > state.ttl -> {{:error, :expired}, remove_entry(state, key)}
          _timestamp -> {{:ok, value}, %{state | access_times: Map.put(state.access_times, key, now)}}
        end
    end
  end

  def stats(state), do: %{size: map_size(state.data), max_size: state.max_size, ttl: state.ttl}

  defp remove_entry(state, key) do
    %{state | data: Map.delete(state.data, key), access_times: Map.delete(state.access_times, key)}
  end

  defp evict_oldest(state) do
    {oldest_key, _time} = Enum.min_by(state.access_times, fn {_k, v} -> v end)
    remove_entry(state, oldest_key)
  end
end

opts = [max_size: 3, ttl: 10]
{:ok, c} = CacheLogic.init({Keyword.get(opts, :max_size, 100), Keyword.get(opts, :ttl, 3600)})
IO.inspect(c)
c = CacheLogic.put(c, :a, 1, 100)
c = CacheLogic.put(c, :b, 2, 101)
{r, c} = CacheLogic.get(c, :a, 102)
IO.inspect(r)
IO.inspect(CacheLogic.stats(c))
c = CacheLogic.put(c, :c, 3, 103)
c = CacheLogic.put(c, :d, 4, 104)
IO.inspect(c)
IO.inspect(Map.keys(c.data))
{r, c} = CacheLogic.get(c, :b, 105)
IO.inspect(r)
{r, c} = CacheLogic.get(c, :a, 200)
IO.inspect(r)
IO.inspect(CacheLogic.stats(c))
IO.inspect(CacheLogic.init({100, 3600}))
