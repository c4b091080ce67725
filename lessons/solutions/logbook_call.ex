defmodule Logbook do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, [], name: __MODULE__)

  def log(entry), do: GenServer.call(__MODULE__, {:log, entry})

  @impl true
  def init(entries), do: {:ok, entries}

  @impl true
  def handle_call({:log, entry}, _from, entries) do
    entries = [entry | entries]
    {:reply, {:ok, length(entries)}, entries}
  end
end
