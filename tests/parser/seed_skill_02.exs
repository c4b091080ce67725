defmodule MyApp.Poller do
use GenServer
@interval :timer.seconds(30)
def start_link(opts) do
GenServer.start_link(__MODULE__, opts, name: __MODULE__)
end
@impl true
def init(opts) do
schedule_poll()
{:ok, %{results: [], endpoint: Keyword.fetch!(opts, :endpoint)}}
end
@impl true
def handle_info(:poll, state) do
results = fetch_data(state.endpoint)
schedule_poll()
{:noreply, %{state | results: results}}
end
defp schedule_poll do
Process.send_after(self(), :poll, @interval)
end
defp fetch_data(endpoint) do
# HTTP call or other work
[]
end
end
