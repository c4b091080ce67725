defmodule SessionStore do
  use GenServer

  @session_timeout 60_000  # 60 seconds

  ## Client API

  def start_link(_opts) do
    GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  end

  def create_session(user_id) do
    GenServer.call(__MODULE__, {:create_session, user_id})
  end

  def get_session(session_id) do
    GenServer.call(__MODULE__, {:get_session, session_id})
  end

  def refresh_session(session_id) do
    GenServer.cast(__MODULE__, {:refresh, session_id})
  end

  ## Server Callbacks

  @impl true
  def init(:ok) do
    # Schedule periodic cleanup
    schedule_cleanup()
    {:ok, %{}}
  end

  @impl true
  def handle_call({:create_session, user_id}, _from, state) do
    session_id = generate_session_id()
    session = %{
      user_id: user_id,
      created_at: System.system_time(:second),
      last_accessed: System.system_time(:second)
    }
    new_state = Map.put(state, session_id, session)
    {:reply, {:ok, session_id}, new_state}
  end

  @impl true
  def handle_call({:get_session, session_id}, _from, state) do
    case Map.get(state, session_id) do
      nil -> {:reply, {:error, :not_found}, state}
      session ->
        if session_expired?(session) do
          new_state = Map.delete(state, session_id)
          {:reply, {:error, :expired}, new_state}
        else
          {:reply, {:ok, session}, state}
        end
    end
  end

  @impl true
  def handle_cast({:refresh, session_id}, state) do
    case Map.get(state, session_id) do
      nil -> {:noreply, state}
      session ->
        updated_session = %{session | last_accessed: System.system_time(:second)}
        {:noreply, Map.put(state, session_id, updated_session)}
    end
  end

  @impl true
  def handle_info(:cleanup_expired, state) do
    now = System.system_time(:second)
    new_state = Enum.reject(state, fn {_id, session} ->
      session_expired?(session, now)
    end) |> Enum.into(%{})

    schedule_cleanup()
    {:noreply, new_state}
  end

  ## Private Functions

  defp generate_session_id do
    :crypto.strong_rand_bytes(16) |> Base.encode64()
  end

  defp session_expired?(session, now \\ System.system_time(:second)) do
    now - session.last_accessed > div(@session_timeout, 1000)
  end

  defp schedule_cleanup do
    Process.send_after(self(), :cleanup_expired, @session_timeout)
  end
end
