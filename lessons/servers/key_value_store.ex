defmodule KeyValueStore do
  @moduledoc """
  A key-value store (a map) kept by a process.

  `{:ok, pid} = KeyValueStore.start_link()` starts an empty store; pass
  `name: SomeName` to register it. `put/3` and `clear/1` are casts;
  `get/2`, `keys/1` and `delete/2` are calls whose answers say what
  happened: `{:ok, value}`, or `{:error, :not_found}` for a missing key.
  """
  use GenServer

  # ---- what callers use ----

  @doc """
  Starts an empty store. `opts` go to `GenServer.start_link/3`, so
  `name: MyStore` registers it. Answers `{:ok, pid}`.
  """
  def start_link(opts \\ []) do
    GenServer.start_link(__MODULE__, :ok, opts)
  end

  @doc "Stores `value` under `key`, replacing what was there. A cast: answers `:ok`."
  def put(pid, key, value) do
    GenServer.cast(pid, {:put, key, value})
  end

  @doc "Answers `{:ok, value}` for a stored key, `{:error, :not_found}` otherwise."
  def get(pid, key) do
    GenServer.call(pid, {:get, key})
  end

  @doc "Removes `key` and answers `{:ok, value}` it held, or `{:error, :not_found}`."
  def delete(pid, key) do
    GenServer.call(pid, {:delete, key})
  end

  @doc "Answers the list of stored keys (in the map's order, not insertion order)."
  def keys(pid) do
    GenServer.call(pid, :keys)
  end

  @doc "Forgets every key. A cast: answers `:ok`."
  def clear(pid) do
    GenServer.cast(pid, :clear)
  end

  # ---- what the server process runs ----

  @impl true
  def init(:ok) do
    {:ok, %{}}
  end

  @impl true
  def handle_call({:get, key}, _from, store) do
    case Map.fetch(store, key) do
      {:ok, value} -> {:reply, {:ok, value}, store}
      :error -> {:reply, {:error, :not_found}, store}
    end
  end

  @impl true
  def handle_call({:delete, key}, _from, store) do
    # a key holding nil counts as missing, and stays
    case Map.pop(store, key) do
      {nil, _store} -> {:reply, {:error, :not_found}, store}
      {value, rest} -> {:reply, {:ok, value}, rest}
    end
  end

  @impl true
  def handle_call(:keys, _from, store) do
    {:reply, Map.keys(store), store}
  end

  @impl true
  def handle_cast({:put, key, value}, store) do
    {:noreply, Map.put(store, key, value)}
  end

  @impl true
  def handle_cast(:clear, _store) do
    {:noreply, %{}}
  end
end
