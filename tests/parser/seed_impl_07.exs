defmodule SessionStore do
  use GenServer

  # Client API
  def start_link(_) do
    GenServer.start_link(__MODULE__, %{}, name: __MODULE__)
  end

  def create_session(user_id) do
    GenServer.call(__MODULE__, {:create_session, user_id})
  end

  def get_session(user_id) do
    GenServer.call(__MODULE__, {:get_session, user_id})
  end

  # Server Callbacks
  def handle_call({:create_session, user_id}, _from, state) do
    session_id = :crypto.strong_rand_bytes(16) |> Base.encode64()
    new_state = Map.put(state, user_id, session_id)
    {:reply, session_id, new_state}
  end

  def handle_call({:get_session, user_id}, _from, state) do
    {:reply, Map.get(state, user_id), state}
  end
end
