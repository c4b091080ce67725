defmodule SessionStore do
  use GenServer

  @session_timeout 60_000

  def start_link(_opts), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)

  def create_session(user_id), do: GenServer.call(__MODULE__, {:create_session, user_id})
  def get_session(session_id), do: GenServer.call(__MODULE__, {:get_session, session_id})

  def end_session(session_id), do: GenServer.call(__MODULE__, {:end_session, session_id})

  @impl true
  def init(:ok) do
    Process.send_after(self(), :cleanup_expired, @session_timeout)
    {:ok, %{}}
  end

  @impl true
  def handle_call({:create_session, user_id}, _from, sessions) do
    id = :crypto.strong_rand_bytes(16) |> Base.encode64()
    now = System.system_time(:second)
    {:reply, {:ok, id}, Map.put(sessions, id, %{user_id: user_id, last_accessed: now})}
  end

  def handle_call({:get_session, id}, _from, sessions) do
    case Map.fetch(sessions, id) do
      {:ok, session} -> {:reply, {:ok, session}, sessions}
      :error -> {:reply, {:error, :not_found}, sessions}
    end
  end

  def handle_call({:end_session, id}, _from, sessions) do
    if Map.has_key?(sessions, id) do
      {:reply, :ok, Map.delete(sessions, id)}
    else
      {:reply, {:error, :not_found}, sessions}
    end
  end

  @impl true
  def handle_info(:cleanup_expired, sessions) do
    now = System.system_time(:second)
    live = for {id, s} <- sessions, now - s.last_accessed <= 60, into: %{}, do: {id, s}
    Process.send_after(self(), :cleanup_expired, @session_timeout)
    {:noreply, live}
  end
end
