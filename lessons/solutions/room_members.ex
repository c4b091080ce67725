defmodule Room do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: via(name))

  def say(name, text), do: GenServer.cast(via(name), {:say, text})
  def messages(name), do: GenServer.call(via(name), :messages)
  def join(name, user), do: GenServer.call(via(name), {:join, user})
  def members(name), do: GenServer.call(via(name), :members)

  defp via(name), do: {:via, Registry, {Rooms, name}}

  @impl true
  def init(name), do: {:ok, %{name: name, messages: [], members: []}}

  @impl true
  def handle_cast({:say, text}, room), do: {:noreply, %{room | messages: [text | room.messages]}}

  @impl true
  def handle_call(:messages, _from, room), do: {:reply, Enum.reverse(room.messages), room}
  def handle_call(:members, _from, room), do: {:reply, room.members, room}

  def handle_call({:join, user}, _from, room) do
    if user in room.members do
      {:reply, :ok, room}
    else
      {:reply, :ok, %{room | members: room.members ++ [user]}}
    end
  end
end
