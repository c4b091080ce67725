defmodule Heartbeat do
  use GenServer

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: __MODULE__)
  def beats, do: GenServer.call(__MODULE__, :beats)

  @impl true
  def init(opts) do
    interval = Keyword.get(opts, :interval, 1000)
    schedule(interval)
    {:ok, %{beats: 0, interval: interval}}
  end

  @impl true
  def handle_info(:tick, state) do
    schedule(state.interval)
    {:noreply, %{state | beats: state.beats + 1}}
  end

  @impl true
  def handle_call(:beats, _from, state), do: {:reply, state.beats, state}

  defp schedule(interval), do: Process.send_after(self(), :tick, interval)
end
