defmodule MyApp.SessionServer do
use GenServer
def start_link(session_id) do
GenServer.start_link(__MODULE__, session_id, name: via_tuple(session_id))
end
def get_data(session_id) do
GenServer.call(via_tuple(session_id), :get_data)
end
defp via_tuple(session_id) do
{:via, Registry, {MyApp.SessionRegistry, session_id}}
end
@impl true
def init(session_id) do
{:ok, %{session_id: session_id, data: %{}}}
end
@impl true
def handle_call(:get_data, _from, state) do
{:reply, state.data, state}
end
end
