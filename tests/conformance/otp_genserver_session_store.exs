# A session store in the tutorial's style: sessions expire, a periodic
# cleanup message (Process.send_after) removes them. Timeouts are short
# so the program runs quickly on the BEAM too.
defmodule SessionStore do
  use GenServer

  @ttl_ms 300
  @cleanup_ms 200

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def create_session(user), do: GenServer.call(__MODULE__, {:create, user})
  def get_session(id), do: GenServer.call(__MODULE__, {:get, id})
  def refresh(id), do: GenServer.cast(__MODULE__, {:refresh, id})
  def count, do: GenServer.call(__MODULE__, :count)

  @impl true
  def init(:ok) do
    schedule_cleanup()
    {:ok, %{next: 1, sessions: %{}}}
  end

  @impl true
  def handle_call({:create, user}, _from, %{next: n, sessions: s} = state) do
    id = "session-#{n}"
    session = %{user: user, touched: now()}
    {:reply, {:ok, id}, %{state | next: n + 1, sessions: Map.put(s, id, session)}}
  end

  def handle_call({:get, id}, _from, state) do
    case Map.fetch(state.sessions, id) do
      {:ok, session} ->
        if expired?(session) do
          {:reply, {:error, :expired}, %{state | sessions: Map.delete(state.sessions, id)}}
        else
          {:reply, {:ok, session.user}, state}
        end

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call(:count, _from, state), do: {:reply, map_size(state.sessions), state}

  @impl true
  def handle_cast({:refresh, id}, state) do
    case Map.fetch(state.sessions, id) do
      {:ok, session} ->
        {:noreply, put_in(state.sessions[id], %{session | touched: now()})}

      :error ->
        {:noreply, state}
    end
  end

  @impl true
  def handle_info(:cleanup, state) do
    live = for {id, s} <- state.sessions, not expired?(s), into: %{}, do: {id, s}
    schedule_cleanup()
    {:noreply, %{state | sessions: live}}
  end

  defp now, do: System.monotonic_time(:millisecond)
  defp expired?(session), do: now() - session.touched > @ttl_ms
  defp schedule_cleanup, do: Process.send_after(self(), :cleanup, @cleanup_ms)
end

{:ok, _} = SessionStore.start_link([])
{:ok, a} = SessionStore.create_session("alice")
{:ok, b} = SessionStore.create_session("bob")
IO.inspect({a, b})
IO.inspect(SessionStore.get_session(a))
IO.inspect(SessionStore.get_session("nope"))
IO.inspect(SessionStore.count())
Process.sleep(100)
SessionStore.refresh(a)
Process.sleep(250)
# bob was never refreshed: older than the TTL now; alice was refreshed
IO.inspect(SessionStore.get_session(b))
IO.inspect(SessionStore.get_session(a))
Process.sleep(450)
# the periodic cleanup has removed everything
IO.inspect(SessionStore.count())
