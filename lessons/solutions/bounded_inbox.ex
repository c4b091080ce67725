defmodule Inbox do
  use GenServer

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: __MODULE__)
  def deliver(message), do: GenServer.cast(__MODULE__, {:deliver, message})
  def messages, do: GenServer.call(__MODULE__, :messages)

  @impl true
  def init(opts), do: {:ok, {[], Keyword.get(opts, :limit, 50)}}

  @impl true
  def handle_cast({:deliver, message}, {messages, limit}) do
    {:noreply, {Enum.take([message | messages], limit), limit}}
  end

  @impl true
  def handle_call(:messages, _from, {messages, _limit} = state), do: {:reply, messages, state}
end
