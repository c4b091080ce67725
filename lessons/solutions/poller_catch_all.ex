defmodule Poller do
  use GenServer
  require Logger

  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def polls, do: GenServer.call(__MODULE__, :polls)

  @impl true
  def init(:ok), do: {:ok, 0}

  @impl true
  def handle_call(:polls, _from, polls), do: {:reply, polls, polls}

  @impl true
  def handle_info(:poll, polls), do: {:noreply, polls + 1}

  def handle_info(message, polls) do
    Logger.warning("Poller ignored #{inspect(message)}")
    {:noreply, polls}
  end
end
