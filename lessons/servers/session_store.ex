defmodule SessionStore do
  @moduledoc """
  Sessions that expire, kept by one named process.

  `SessionStore.start_link([])` starts it under the name `SessionStore`.
  `create_session(user_id)` answers `{:ok, session_id}`, a random id;
  `get_session(id)` answers `{:ok, session}`, `{:error, :not_found}`, or
  `{:error, :expired}` for a session not refreshed for more than 60
  seconds (and forgets it). `refresh_session(id)` marks a session as used
  now; reading it with `get_session/1` does not.

  The state is a map from session id to a map with `:user_id`,
  `:created_at` and `:last_accessed` (seconds of system time). Every 60
  seconds the process sends itself `:cleanup_expired` with
  `Process.send_after/3` and drops the sessions that expired meanwhile.
  """
  use GenServer

  # how long a session lives without use, in milliseconds
  @session_timeout 60_000

  # ---- what callers use ----

  @doc """
  Starts the store, registered as `SessionStore`. The argument is not
  used, but required: `SessionStore.start_link([])`.
  """
  def start_link(_opts) do
    GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  end

  @doc "Opens a session for `user_id`; answers `{:ok, session_id}`."
  def create_session(user_id) do
    GenServer.call(__MODULE__, {:create_session, user_id})
  end

  @doc """
  Answers `{:ok, session}` for a live session, `{:error, :expired}` for one
  not refreshed for more than 60 seconds (which is then removed), and
  `{:error, :not_found}` otherwise.
  """
  def get_session(session_id) do
    GenServer.call(__MODULE__, {:get_session, session_id})
  end

  @doc "Marks the session as used now, so it lives longer. A cast: answers `:ok`."
  def refresh_session(session_id) do
    GenServer.cast(__MODULE__, {:refresh, session_id})
  end

  # ---- what the server process runs ----

  @impl true
  def init(:ok) do
    # the first sweep for expired sessions
    schedule_cleanup()
    {:ok, %{}}
  end

  @impl true
  def handle_call({:create_session, user_id}, _from, sessions) do
    session_id = generate_session_id()

    session = %{
      user_id: user_id,
      created_at: System.system_time(:second),
      last_accessed: System.system_time(:second)
    }

    {:reply, {:ok, session_id}, Map.put(sessions, session_id, session)}
  end

  @impl true
  def handle_call({:get_session, session_id}, _from, sessions) do
    case Map.get(sessions, session_id) do
      nil ->
        {:reply, {:error, :not_found}, sessions}

      session ->
        if session_expired?(session) do
          {:reply, {:error, :expired}, Map.delete(sessions, session_id)}
        else
          {:reply, {:ok, session}, sessions}
        end
    end
  end

  @impl true
  def handle_cast({:refresh, session_id}, sessions) do
    case Map.get(sessions, session_id) do
      nil ->
        {:noreply, sessions}

      session ->
        touched = %{session | last_accessed: System.system_time(:second)}
        {:noreply, Map.put(sessions, session_id, touched)}
    end
  end

  @impl true
  def handle_info(:cleanup_expired, sessions) do
    now = System.system_time(:second)

    live =
      Enum.reject(sessions, fn {_id, session} -> session_expired?(session, now) end)
      |> Enum.into(%{})

    # and the next sweep
    schedule_cleanup()
    {:noreply, live}
  end

  # ---- helpers ----

  # 16 random bytes, as base 64 text
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
